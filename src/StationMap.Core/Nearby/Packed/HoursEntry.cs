using System.Text;
using StationMap.Hours;

namespace StationMap.Nearby.Packed;

/// <summary>One distinct opening-hours text of a table, parsed once (null when unreadable), with its UTF-8 for the writer.</summary>
public sealed class HoursEntry(string text, OpeningHours? parsed)
{
    public string Text { get; } = text;
    public OpeningHours? Parsed { get; } = parsed;
    public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(text);
}
