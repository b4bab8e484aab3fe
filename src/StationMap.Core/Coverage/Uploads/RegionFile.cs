using System.Text.Json;
using System.Text.Json.Nodes;
using StationMap.Common;
using StationMap.Geo;

namespace StationMap.Coverage.Uploads;

/// <summary>
/// A region file as the console reads one (js/admin/coverage.js): a .kml (or any text starting with '&lt;') goes the
/// <c>regionKml</c> way with its file name; GeoJSON — a geometry, a Feature or a FeatureCollection — has its
/// polygons joined into one Polygon/MultiPolygon and goes the <c>region</c> way, named after the file.
/// </summary>
public static class RegionFile
{
    public static CoverageRegion? Read(string text, string fileName, CoordSys sys, List<FieldError> errors)
    {
        if (fileName.EndsWith(".kml", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('<'))
            return new UploadedRegion(null, text, fileName, null).Parse(sys, errors);
        JsonElement? polygon = null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            polygon = PolygonOf(doc.RootElement);
        }
        catch (JsonException) { }
        if (polygon is null)
        {
            errors.Add(FieldError.Of("region", "invalid_region", $"region ({fileName})：没有 Polygon 或 MultiPolygon（GeoJSON 几何、Feature 或 FeatureCollection）",
                $"region ({fileName}): no Polygon or MultiPolygon found (a GeoJSON geometry, Feature or FeatureCollection)"));
            return null;
        }
        var name = fileName.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) ? fileName[..^8]
            : fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? fileName[..^5] : fileName;
        return new UploadedRegion(polygon, null, fileName, name).Parse(sys, errors);
    }

    /// <summary>The polygons of a geometry, Feature or FeatureCollection as one GeoJSON Polygon/MultiPolygon; null when there are none.</summary>
    public static JsonElement? PolygonOf(JsonElement json)
    {
        var type = TypeOf(json);
        IEnumerable<JsonElement> geometries = type switch
        {
            "FeatureCollection" when json.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array =>
                f.EnumerateArray().Select(GeometryOf).OfType<JsonElement>(),
            "FeatureCollection" => [],
            "Feature" => GeometryOf(json) is { } g ? [g] : [],
            _ => [json],
        };
        var polygons = new JsonArray();
        foreach (var g in geometries)
        {
            if (g.ValueKind != JsonValueKind.Object || !g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array) continue;
            if (TypeOf(g) == "Polygon") polygons.Add(JsonNode.Parse(c.GetRawText()));
            else if (TypeOf(g) == "MultiPolygon")
                foreach (var p in c.EnumerateArray()) polygons.Add(JsonNode.Parse(p.GetRawText()));
        }
        if (polygons.Count == 0) return null;
        var geometry = polygons.Count == 1
            ? new JsonObject { ["type"] = "Polygon", ["coordinates"] = polygons[0]!.DeepClone() }
            : new JsonObject { ["type"] = "MultiPolygon", ["coordinates"] = polygons };
        return JsonSerializer.SerializeToElement(geometry);
    }

    private static string? TypeOf(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static JsonElement? GeometryOf(JsonElement feature) =>
        feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object ? g : null;
}
