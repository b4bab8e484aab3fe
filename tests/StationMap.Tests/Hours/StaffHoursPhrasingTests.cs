using StationMap.Hours;

namespace StationMap.Tests.Hours;

/// <summary>
/// Opening hours as staff really write them in their spreadsheets and forms. Each of these is refused today, so the
/// whole all-or-nothing import fails on a station whose hours are perfectly clear to any reader.
/// </summary>
public class StaffHoursPhrasingTests
{
    [Theory]
    // "次日" (the next day) is how Chinese writes a range past midnight: night-shift stations for sanitation workers.
    [InlineData("每天20:00至次日8:00", "20:00-08:00")]
    [InlineData("20:00-次日08:00", "20:00-08:00")]
    [InlineData("晚8点至次日早8点", "20:00-08:00")]
    // A colon (full-width, as the Chinese IME types it) between the days and the times.
    [InlineData("周一至周五：8:00-18:00", "Mo-Fr 08:00-18:00")]
    [InlineData("周一至周五: 8:00-18:00", "Mo-Fr 08:00-18:00")]
    // A list of days where only the first carries 周.
    [InlineData("周一、三、五 9:00-17:00", "Mo,We,Fr 09:00-17:00")]
    public void Common_staff_phrasings_are_read(string input, string canonical)
    {
        Assert.True(OpeningHours.TryParse(input, out var hours, out var error), error?.Message);
        Assert.Equal(canonical, hours.Canonical);
    }

    [Fact]
    public void Next_day_hours_are_open_after_midnight_and_closed_at_noon()
    {
        Assert.True(OpeningHours.TryParse("每天20:00至次日8:00", out var hours, out var error), error?.Message);
        Assert.True(hours.IsOpenAtShanghai(new DateTime(2026, 12, 2, 3, 0, 0)));
        Assert.False(hours.IsOpenAtShanghai(new DateTime(2026, 12, 2, 12, 0, 0)));
    }

    /// <summary>"全天24小时" is the commonest way to say 24 hours; its canonical text is what the courier page and the
    /// provider feeds show, so it must be "24/7" (shown as 全天 24 小时), not "00:00-24:00,00:00-24:00".</summary>
    [Fact]
    public void All_day_24_hours_is_24_7() =>
        Assert.Equal("24/7", OpeningHours.Normalize("全天24小时"));
}
