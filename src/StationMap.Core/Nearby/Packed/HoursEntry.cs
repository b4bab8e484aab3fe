using StationMap.Hours;

namespace StationMap.Nearby.Packed;

/// <summary>One distinct opening-hours text of a table, parsed once (null when unreadable).</summary>
public sealed class HoursEntry(string text, OpeningHours? parsed)
{
    public string Text { get; } = text;
    public OpeningHours? Parsed { get; } = parsed;
}
