using System.Text.Json;
using StationMap.Stations;

namespace StationMap.Api.Stations;

internal sealed record HistoryDto(int Version, string Kind, DateTimeOffset ChangedAt, string ChangedBy, string? Reason, JsonElement Station)
{
    public static HistoryDto From(StationHistory h) =>
        new(h.Version, h.Kind.ToString().ToLowerInvariant(), h.ChangedAt, h.ChangedBy, h.Reason, h.Snapshot.RootElement.Clone());
}
