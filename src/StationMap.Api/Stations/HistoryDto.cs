using System.Text.Json;
using System.Text.Json.Nodes;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Api.Stations;

internal sealed record HistoryDto(int Version, string Kind, DateTimeOffset ChangedAt, string ChangedBy, string? Reason, JsonElement Station)
{
    /// <summary>The snapshot as stored, its location (stored WGS-84) in <paramref name="output"/>; <c>submitted</c>
    /// stays as it was entered, with its own system.</summary>
    public static HistoryDto From(StationHistory h, CoordSys output) =>
        new(h.Version, h.Kind.ToString().ToLowerInvariant(), h.ChangedAt, h.ChangedBy, h.Reason, Snapshot(h.Snapshot.RootElement, output));

    private static JsonElement Snapshot(JsonElement stored, CoordSys output)
    {
        if (output == CoordSys.Wgs84 || !stored.TryGetProperty("location", out var at)
            || !at.TryGetProperty("lng", out var lng) || !at.TryGetProperty("lat", out var lat)) return stored.Clone();
        var node = JsonNode.Parse(stored.GetRawText())!.AsObject();
        var location = StationMapping.Locate(lng.GetDouble(), lat.GetDouble(), output);
        node["location"] = new JsonObject { ["lng"] = location.Lng, ["lat"] = location.Lat, ["coordsys"] = location.Coordsys };
        using var converted = JsonDocument.Parse(node.ToJsonString());
        return converted.RootElement.Clone();
    }
}
