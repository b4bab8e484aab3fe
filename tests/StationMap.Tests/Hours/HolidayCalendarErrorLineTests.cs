using StationMap.Hours;

namespace StationMap.Tests.Hours;

/// <summary>An operator's calendar file error must name the line that is wrong.</summary>
public class HolidayCalendarErrorLineTests
{
    [Fact]
    public void A_make_up_day_in_a_year_without_holidays_is_reported_on_its_own_line()
    {
        // Line 2 is the make-up Saturday of 2027, a year with no holiday listed; lines 3 and 4 are fine.
        const string csv = "date,kind,name\n2027-01-02,workday,元旦调休上班\n2026-01-01,holiday,元旦\n2026-01-02,holiday,元旦\n";
        var e = Assert.Throws<FormatException>(() => HolidayCalendar.Read(new StringReader(csv), "ops.csv"));
        Assert.Contains("第 2 行 / line 2", e.Message);
    }
}

/// <summary>A State Council notice for year Y can list days of Y-1 (the 2019 notice: 2018-12-29 调休上班, 2018-12-30/31
/// 放假). Those two days must not make the whole of Y-1 "covered", with every other day of it answered as ordinary.</summary>
public class HolidayCalendarCoverageTests
{
    [Fact]
    public void A_notices_days_in_the_previous_december_do_not_cover_the_previous_year()
    {
        const string csv = "date,kind,name\n2018-12-29,workday,元旦调休上班\n2018-12-30,holiday,元旦\n2018-12-31,holiday,元旦\n"
            + "2019-01-01,holiday,元旦\n2019-10-01,holiday,国庆节\n";
        var calendar = HolidayCalendar.Read(new StringReader(csv), "ops.csv");
        // National Day 2018 is not in this file: nobody can say from it, so PH answers must be unknown, not "ordinary day".
        Assert.Equal(HolidayStatus.Unknown, calendar.StatusOf(new DateOnly(2018, 10, 1)));
    }

    [Fact]
    public void The_notices_own_year_is_covered_and_its_december_days_keep_their_status()
    {
        const string csv = "date,kind,name\n2018-12-29,workday,元旦调休上班\n2018-12-30,holiday,元旦\n2018-12-31,holiday,元旦\n"
            + "2019-01-01,holiday,元旦\n2019-10-01,holiday,国庆节\n";
        var calendar = HolidayCalendar.Read(new StringReader(csv), "ops.csv");
        Assert.Equal([2019], calendar.Years);
        Assert.False(calendar.Covers(2018));
        Assert.Equal(HolidayStatus.Ordinary, calendar.StatusOf(new DateOnly(2019, 10, 8)));
        // The listed days themselves are known even though the rest of 2018 is not.
        Assert.Equal(HolidayStatus.Holiday, calendar.StatusOf(new DateOnly(2018, 12, 30)));
        Assert.Equal(HolidayStatus.Ordinary, calendar.StatusOf(new DateOnly(2018, 12, 29)));
        Assert.Equal(HolidayStatus.Unknown, calendar.StatusOf(new DateOnly(2018, 12, 28)));
    }

    [Fact]
    public void A_year_with_only_december_holidays_is_not_covered()
    {
        const string csv = "date,kind,name\n2026-10-01,holiday,国庆节\n2027-12-31,holiday,元旦\n";
        var calendar = HolidayCalendar.Read(new StringReader(csv), "ops.csv");
        Assert.Equal([2026], calendar.Years);
        Assert.Equal(HolidayStatus.Unknown, calendar.StatusOf(new DateOnly(2027, 5, 1)));
    }

    [Fact]
    public void The_shipped_calendar_still_covers_2024_to_2026()
    {
        foreach (var year in new[] { 2024, 2025, 2026 })
            Assert.True(HolidayCalendar.Shipped.Covers(year), $"{year}");
    }
}
