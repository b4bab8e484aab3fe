using System.Text.Json;

namespace StationMap.Stations;

public enum ChangeKind { Created, Updated, Deleted, Restored, Imported }

/// <summary>One version of a station as it was written, with who, when and why. Never deleted.</summary>
public sealed class StationHistory
{
    public long Id { get; set; }
    public long StationId { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; }
    public ChangeKind Kind { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public string? Reason { get; set; }
    /// <summary>The full record of this version (jsonb).</summary>
    public required JsonDocument Snapshot { get; set; }
}
