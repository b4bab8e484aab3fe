using System.Globalization;
using StationMap.Hours;

namespace StationMap.Tests.Hours;

public class OpeningHoursEvaluationTests
{
    // Week of 2026-11-23: Monday 23 … Sunday 29 (Asia/Shanghai wall clock).
    private static DateTimeOffset Beijing(string local) =>
        DateTimeOffset.ParseExact(local + " +08:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("24/7", "2026-11-29 23:59", true)]
    [InlineData("24/7", "2026-11-23 00:00", true)]
    [InlineData("Mo-Fr 08:00-18:00", "2026-11-23 07:59", false)]
    [InlineData("Mo-Fr 08:00-18:00", "2026-11-23 08:00", true)]
    [InlineData("Mo-Fr 08:00-18:00", "2026-11-23 17:59", true)]
    [InlineData("Mo-Fr 08:00-18:00", "2026-11-23 18:00", false)]
    [InlineData("Mo-Fr 08:00-18:00", "2026-11-27 12:00", true)]
    [InlineData("Mo-Fr 08:00-18:00", "2026-11-28 12:00", false)]
    [InlineData("Mo-Fr 08:00-18:00", "2026-11-29 12:00", false)]
    [InlineData("Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00", "2026-11-28 08:30", false)]
    [InlineData("Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00", "2026-11-29 16:59", true)]
    [InlineData("Mo-We,Fr 09:00-17:00", "2026-11-26 10:00", false)]
    [InlineData("Mo-We,Fr 09:00-17:00", "2026-11-27 10:00", true)]
    [InlineData("08:00-12:00,14:00-18:00", "2026-11-24 12:30", false)]
    [InlineData("08:00-12:00,14:00-18:00", "2026-11-24 14:00", true)]
    [InlineData("00:00-24:00", "2026-11-24 23:59", true)]
    [InlineData("Mo-Fr 00:00-24:00", "2026-11-28 00:00", false)]
    [InlineData("Mo-Fr 00:00-24:00", "2026-11-27 23:59", true)]
    public void Is_open_follows_days_and_times(string hours, string local, bool open) =>
        Assert.Equal(open, OpeningHours.Parse(hours).IsOpenAt(Beijing(local)));

    [Theory]
    [InlineData("2026-11-29 22:00", true)]  // Sunday evening
    [InlineData("2026-11-30 00:00", true)]  // Monday after midnight still belongs to Sunday's range
    [InlineData("2026-11-30 05:59", true)]
    [InlineData("2026-11-30 06:00", false)]
    [InlineData("2026-11-29 05:00", false)] // Saturday has no range, so Sunday morning is closed
    [InlineData("2026-11-29 21:59", false)]
    public void Range_past_midnight_carries_into_next_day_across_sunday_to_monday(string local, bool open) =>
        Assert.Equal(open, OpeningHours.Parse("Su 22:00-06:00").IsOpenAt(Beijing(local)));

    [Theory]
    [InlineData("2026-11-26 12:00", false)] // Thursday overridden to off
    [InlineData("2026-11-25 12:00", true)]
    [InlineData("2026-11-28 10:00", true)]  // Saturday overridden to shorter hours
    [InlineData("2026-11-28 15:00", false)]
    public void Later_rule_overrides_earlier_rules_for_the_days_it_names(string local, bool open) =>
        Assert.Equal(open, OpeningHours.Parse("08:00-18:00; Th off; Sa 09:00-12:00").IsOpenAt(Beijing(local)));

    [Theory]
    [InlineData("2026-11-28 03:00", true)]  // Saturday morning: Friday's range past midnight
    [InlineData("2026-11-28 12:00", false)] // Saturday's own hours are off
    public void Overriding_a_day_keeps_the_previous_days_range_past_midnight(string local, bool open) =>
        Assert.Equal(open, OpeningHours.Parse("Fr 22:00-06:00; Sa off").IsOpenAt(Beijing(local)));

    [Fact]
    public void Weekday_range_is_closed_on_sunday() =>
        Assert.False(OpeningHours.Parse("Mo-Fr 08:00-18:00").IsOpenAt(Beijing("2026-11-29 10:00")));

    [Fact]
    public void Instant_is_read_in_shanghai_time_whatever_its_offset()
    {
        var hours = OpeningHours.Parse("Mo-Fr 08:00-18:00");
        // 2026-11-23 00:30 UTC is 08:30 Monday in Beijing; 10:30 UTC Friday is 18:30 in Beijing.
        Assert.True(hours.IsOpenAt(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero)));
        Assert.False(hours.IsOpenAt(new DateTimeOffset(2026, 11, 27, 10, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Public_holiday_rules_apply_only_with_a_holiday_predicate()
    {
        var hours = OpeningHours.Parse("24/7; PH off");
        var monday = Beijing("2026-11-23 10:00");
        Assert.True(hours.HasHolidayRules);
        Assert.True(hours.IsOpenAt(monday));
        Assert.False(hours.IsOpenAt(monday, _ => true));
        Assert.True(hours.IsOpenAt(monday, _ => false));
    }

    [Fact]
    public void Overnight_range_from_a_holiday_uses_the_holiday_schedule_after_midnight()
    {
        var hours = OpeningHours.Parse("Mo-Su 08:00-18:00; PH 20:00-02:00");
        var holiday = new DateOnly(2026, 11, 24);
        Assert.True(hours.IsOpenAt(Beijing("2026-11-25 01:00"), d => d == holiday));
        Assert.False(hours.IsOpenAt(Beijing("2026-11-25 01:00")));
    }

    [Fact]
    public void Is_open_at_does_not_allocate()
    {
        var hours = OpeningHours.Parse("Mo-Fr 08:00-12:00,14:00-18:00; Sa 22:00-06:00");
        var instant = Beijing("2026-11-29 03:00");
        hours.IsOpenAt(instant);
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool open = false;
        for (int i = 0; i < 1000; i++)
            open ^= hours.IsOpenAt(instant.AddMinutes(i));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
