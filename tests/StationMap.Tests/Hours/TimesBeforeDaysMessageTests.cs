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

/// <summary>Days written after their times, bracketed or not, are read as if written first.</summary>
public class TimesBeforeDaysEdgeTests
{
    [Theory]
    [InlineData("8:00-18:00（周一至周五）", "Mo-Fr 08:00-18:00")]
    [InlineData("8:00-18:00 周一至周五", "Mo-Fr 08:00-18:00")]
    [InlineData("８：００－１８：００（周一至周五）", "Mo-Fr 08:00-18:00")]
    [InlineData("8:00-18:00(工作日)", "Mo-Fr 08:00-18:00")]
    [InlineData("22:00-次日6:00（周五、周六）", "Fr,Sa 22:00-06:00")]
    [InlineData("晚上10点至次日凌晨6点（周五至周日）", "Fr-Su 22:00-06:00")]
    [InlineData("8:00-12:00、14:00-18:00（周一、三、五）", "Mo,We,Fr 08:00-12:00,14:00-18:00")]
    [InlineData("8:00-18:00（周一至周五），9:00-12:00（周六）", "Mo-Fr 08:00-18:00; Sa 09:00-12:00")]
    [InlineData("8:00-18:00（周一至周五）9:00-12:00（周六）", "Mo-Fr 08:00-18:00; Sa 09:00-12:00")]
    [InlineData("8:00-18:00 周一至周五；周六、周日休息", "Mo-Fr 08:00-18:00; Sa,Su off")]
    [InlineData("9:00-17:00（周一至周五）；法定节假日休息", "Mo-Fr 09:00-17:00; PH off")]
    public void Days_after_their_times_are_read(string input, string canonical)
    {
        Assert.True(OpeningHours.TryParse(input, out var hours, out var error), error?.Message);
        Assert.Equal(canonical, hours.Canonical);
    }

    /// <summary>Days first stay as they are: "周六" after Mo-Fr's times has no times of its own.</summary>
    [Theory]
    [InlineData("周一至周五 8:00-18:00 周六", HoursErrorCode.DaysWithoutTimes)]
    [InlineData("周一至周五 8:00-18:00（周六）", HoursErrorCode.DaysWithoutTimes)]
    [InlineData("8:00-18:00；周一至周五", HoursErrorCode.DaysAfterTimes)]
    public void Days_that_are_not_moved_get_the_fitting_message(string input, HoursErrorCode code)
    {
        Assert.False(OpeningHours.TryParse(input, out _, out var error));
        Assert.Equal(code, error.Code);
        Assert.Contains($"'{input}'", error.Message);
    }

    [Fact]
    public void Days_put_after_times_that_cannot_be_moved_are_asked_to_come_first()
    {
        Assert.False(OpeningHours.TryParse("8:00-18:00；周一至周五", out _, out var error));
        Assert.Contains("请把星期写在时间之前 / put the days before their times", error.Message);
        Assert.DoesNotContain("the days have no times", error.Message);
    }

    /// <summary>The storage syntax is untouched: a canonical all-days rule then a day rule keeps its meaning.</summary>
    [Theory]
    [InlineData("08:00-18:00; Sa 09:00-12:00")]
    [InlineData("Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00")]
    public void Canonical_text_is_not_reordered(string canonical) =>
        Assert.Equal(canonical, OpeningHours.Normalize(canonical));
}
