using StationMap.Hours;

namespace StationMap.Tests.Hours;

/// <summary>Staff who put the times first ("8:00-18:00（周一至周五）") did write times: the error must not ask for them.</summary>
public class TimesBeforeDaysMessageTests
{
    [Fact]
    public void Times_written_before_the_days_are_not_reported_as_days_without_times()
    {
        var ok = OpeningHours.TryParse("8:00-18:00（周一至周五）", out var hours, out var error);
        if (ok) return; // reading it as Mo-Fr 08:00-18:00 would be better still
        Assert.NotEqual(HoursErrorCode.DaysWithoutTimes, error!.Code);
        Assert.DoesNotContain("the days have no times", error.Message);
    }
}
