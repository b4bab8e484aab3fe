using StationMap.Hours;

namespace StationMap.Tests.Hours;

/// <summary>The shipped public-holiday calendar, how operators' files are checked, and open-now with PH rules.</summary>
public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Cn = HolidayCalendar.Shipped;
    private static DateTime Beijing(int y, int m, int d, int h) => new(y, m, d, h, 0, 0);
    private static bool? OpenAt(string hours, DateTime beijing) => OpeningHours.Parse(hours).IsOpenAtShanghai(beijing, Cn.DaysAt(beijing));

    [Fact]
    public void The_shipped_calendar_holds_the_state_council_schedules()
    {
        Assert.Equal([2024, 2025, 2026], Cn.Years);
        Assert.Equal(HolidayStatus.Holiday, Cn.StatusOf(new DateOnly(2026, 10, 1)));
        Assert.Equal("国庆节", Cn.HolidayName(new DateOnly(2026, 10, 7)));
        Assert.Equal(HolidayStatus.Ordinary, Cn.StatusOf(new DateOnly(2026, 10, 8)));
        Assert.Equal(HolidayStatus.Holiday, Cn.StatusOf(new DateOnly(2026, 2, 15)));
        Assert.True(Cn.IsMakeUpWorkday(new DateOnly(2026, 10, 10)));
        Assert.Equal(HolidayStatus.Ordinary, Cn.StatusOf(new DateOnly(2026, 10, 10)));
        Assert.Equal(HolidayStatus.Unknown, Cn.StatusOf(new DateOnly(2027, 1, 1)));
        Assert.Equal(HolidayStatus.Unknown, Cn.StatusOf(new DateOnly(2023, 10, 1)));
    }

    [Theory]
    [InlineData(2024, 28)]
    [InlineData(2025, 28)]
    [InlineData(2026, 33)]
    public void Each_year_has_its_days_off(int year, int holidays)
    {
        var days = Enumerable.Range(0, 366).Select(i => new DateOnly(year, 1, 1).AddDays(i)).Where(d => d.Year == year);
        Assert.Equal(holidays, days.Count(d => Cn.StatusOf(d) == HolidayStatus.Holiday));
    }

    [Fact]
    public void A_station_closed_on_public_holidays_is_closed_on_national_day_and_open_the_week_after()
    {
        Assert.False(OpenAt("Mo-Fr 09:00-17:00; PH off", Beijing(2026, 10, 1, 10)));
        Assert.True(OpenAt("Mo-Fr 09:00-17:00; PH off", Beijing(2026, 10, 9, 10)));
        Assert.False(OpenAt("24/7; PH off", Beijing(2026, 2, 17, 3)));
        Assert.True(OpenAt("24/7; PH off", Beijing(2026, 2, 24, 3)));
    }

    [Fact]
    public void A_year_the_calendar_does_not_cover_leaves_open_now_unknown_only_when_it_matters()
    {
        Assert.Null(OpenAt("Mo-Fr 09:00-17:00; PH off", Beijing(2027, 3, 1, 10)));
        Assert.Null(OpenAt("24/7; PH off", Beijing(2027, 1, 1, 12)));
        // Closed whether or not that Monday is a holiday; open hours without PH rules need no calendar.
        Assert.False(OpenAt("Mo-Fr 09:00-17:00; PH off", Beijing(2027, 3, 1, 20)));
        Assert.True(OpenAt("Mo-Fr 09:00-17:00", Beijing(2027, 3, 1, 10)));
        Assert.True(OpenAt("Mo-Fr 09:00-17:00; PH 10:00-12:00", Beijing(2027, 3, 1, 11)));
    }

    [Fact]
    public void Past_midnight_hours_follow_the_day_they_started_on()
    {
        // 10-07 is the last day of the holiday: its night is off, so 10-08 03:00 is closed; 09-30's night runs into 10-01.
        Assert.False(OpenAt("20:00-08:00; PH off", Beijing(2026, 10, 8, 3)));
        Assert.True(OpenAt("20:00-08:00; PH off", Beijing(2026, 10, 1, 3)));
        // 2027-01-01 03:00: 2026-12-31 is known and ordinary, 2027-01-01 unknown, but 03:00 belongs to the 31st's night.
        Assert.True(OpenAt("20:00-08:00; PH off", Beijing(2027, 1, 1, 3)));
        Assert.Null(OpenAt("20:00-08:00; PH off", Beijing(2027, 1, 1, 21)));
    }

    /// <summary>Decision (docs/opening-hours.md): a stored Mo-Fr cannot tell 工作日 from 周一至周五, so 调休 Saturdays keep the Saturday rule.</summary>
    [Fact]
    public void A_make_up_working_saturday_keeps_the_saturday_rule() =>
        Assert.False(OpenAt("Mo-Fr 09:00-17:00; Sa,Su off; PH off", Beijing(2026, 10, 10, 10)));

    [Fact]
    public void An_operator_file_adds_a_year()
    {
        var calendar = HolidayCalendar.Read(new StringReader("date,kind,name\n2027-01-01,holiday,元旦\n2027-01-02,workday,元旦调休上班\n"), "mine.csv");
        Assert.Equal([2027], calendar.Years);
        Assert.Equal(HolidayStatus.Holiday, calendar.StatusOf(new DateOnly(2027, 1, 1)));
        Assert.Equal(HolidayStatus.Ordinary, calendar.StatusOf(new DateOnly(2027, 1, 2)));
    }

    [Theory]
    [InlineData("date,kind,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,x\n", "line 3", "YYYY-MM-DD")]
    [InlineData("date,kind,name\n2027-01-01,holiday,元旦\n2027-01-01,holiday,元旦\n", "line 3", "date listed twice")]
    [InlineData("date,kind,name\n2027-01-01,holliday,元旦\n", "line 2", "kind must be holiday or workday")]
    [InlineData("date,kind,name\n2027-01-01,holiday,元旦\n2027-01-05,workday,x\n", "line 3", "Saturday or Sunday")]
    [InlineData("date,kind,name\n2028-01-02,workday,x\n", "line 2", "no holiday")]
    [InlineData("day,kind,name\n2027-01-01,holiday,元旦\n", "line 1", "missing column 'date'")]
    public void A_broken_file_is_refused_naming_the_file_and_line(string text, string line, string what)
    {
        var e = Assert.Throws<FormatException>(() => HolidayCalendar.Read(new StringReader(text), "mine.csv"));
        Assert.Contains("mine.csv", e.Message);
        Assert.Contains(line, e.Message);
        Assert.Contains(what, e.Message);
    }

    [Fact]
    public void A_missing_file_is_refused() =>
        Assert.Contains("not found", Assert.Throws<FormatException>(() => HolidayCalendar.Load("/nonexistent/cn.csv")).Message);
}

/// <summary>The per-station check of a nearest request stays allocation-free with a calendar, as without.</summary>
public class HolidayOpenNowAllocationTests
{
    [Fact]
    public void Open_now_with_holiday_days_does_not_allocate()
    {
        var hours = OpeningHours.Parse("Mo-Fr 08:00-12:00,14:00-18:00; Sa 22:00-06:00; PH off");
        var at = new DateTime(2026, 10, 1, 10, 0, 0);
        var days = HolidayCalendar.Shipped.DaysAt(at);
        var unknown = new HolidayDays(HolidayStatus.Unknown, HolidayStatus.Unknown);
        hours.IsOpenAtShanghai(at, days);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int open = 0;
        for (int i = 0; i < 1000; i++)
            open += (hours.IsOpenAtShanghai(at.AddMinutes(i), days) == true ? 1 : 0) + (hours.IsOpenAtShanghai(at.AddMinutes(i), unknown) is null ? 1 : 0);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
