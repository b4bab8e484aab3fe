using System.Text.Json;

namespace StationMap.Audit;

/// <summary>Every write (station, import, export, key) leaves one row here.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Subject { get; set; }
    public JsonDocument? Details { get; set; }
}
