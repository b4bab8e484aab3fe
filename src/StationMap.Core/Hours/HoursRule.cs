namespace StationMap.Hours;

/// <summary>Minutes from the start of the day. <c>End &lt;= Start</c> means the range runs past midnight.</summary>
internal readonly record struct TimeRange(int Start, int End)
{
    public const int FullDay = 24 * 60;

    public bool PastMidnight => End <= Start;
}

/// <summary>
/// One <c>;</c>-separated rule: the weekdays it names (bit 0 = Monday … bit 6 = Sunday), whether it names
/// public holidays (PH), and its time ranges. No ranges means closed (<c>off</c>).
/// </summary>
internal sealed record HoursRule(int Days, bool Holidays, TimeRange[] Ranges)
{
    public const int AllDays = 0b111_1111;

    public bool IsAlwaysOpen =>
        Days == AllDays && Ranges is [{ Start: 0, End: TimeRange.FullDay }];
}
