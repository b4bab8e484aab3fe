namespace StationMap.Hours;

/// <summary>
/// The rules folded into one schedule per weekday (and one for public holidays), each a sorted array of
/// <c>[start, end)</c> minute pairs measured from that day's midnight. Ends may reach 2880: the part after
/// 24:00 is open time on the next calendar day, which is why evaluation also looks at yesterday's schedule.
/// </summary>
internal sealed class WeekSchedule
{
    private static readonly int[] Closed = [];
    private readonly int[][] _days = new int[7][];
    private readonly int[]? _holidays;

    public WeekSchedule(IReadOnlyList<HoursRule> rules)
    {
        var days = new TimeRange[7][];
        Array.Fill(days, []);
        TimeRange[]? holidays = null;
        // OSM: a later rule replaces whatever earlier rules said about the days it names.
        foreach (var rule in rules)
        {
            for (int d = 0; d < 7; d++)
            {
                if ((rule.Days & (1 << d)) != 0)
                    days[d] = rule.Ranges;
            }
            if (rule.Holidays)
                holidays = rule.Ranges;
        }
        for (int d = 0; d < 7; d++)
            _days[d] = Flatten(days[d]);
        _holidays = holidays is null ? null : Flatten(holidays);
        IsAlwaysOpen = _days.All(d => d is [0, >= TimeRange.FullDay]);
    }

    public bool IsAlwaysOpen { get; }

    public bool HasHolidayRule => _holidays is not null;

    /// <summary>Monday = 0. <paramref name="todayIsHoliday"/>/<paramref name="yesterdayWasHoliday"/> pick the PH schedule if one exists.</summary>
    public bool IsOpen(int weekday, int minute, bool todayIsHoliday = false, bool yesterdayWasHoliday = false)
    {
        var today = todayIsHoliday && _holidays is not null ? _holidays : _days[weekday];
        if (Covers(today, minute))
            return true;
        var yesterday = yesterdayWasHoliday && _holidays is not null ? _holidays : _days[(weekday + 6) % 7];
        return Covers(yesterday, minute + TimeRange.FullDay);
    }

    private static bool Covers(int[] pairs, int minute)
    {
        for (int i = 0; i < pairs.Length; i += 2)
        {
            if (minute < pairs[i])
                return false;
            if (minute < pairs[i + 1])
                return true;
        }
        return false;
    }

    private static int[] Flatten(TimeRange[] ranges)
    {
        if (ranges.Length == 0)
            return Closed;
        var sorted = ranges
            .Select(r => (r.Start, End: r.PastMidnight ? r.End + TimeRange.FullDay : r.End))
            .OrderBy(r => r.Start);
        var merged = new List<int>();
        foreach (var (start, end) in sorted)
        {
            if (merged.Count > 0 && start <= merged[^1])
                merged[^1] = Math.Max(merged[^1], end);
            else
                merged.AddRange([start, end]);
        }
        return [.. merged];
    }
}
