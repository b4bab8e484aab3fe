using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using StationMap.Common;
using StationMap.Coverage.Boundaries;
using StationMap.Coverage.Grid;
using StationMap.Geo;

namespace StationMap.Coverage.Uploads;

/// <summary>
/// <c>weights</c>: a GeoJSON FeatureCollection of polygons, each with a numeric <c>weight</c> property per km² (e.g.
/// outdoor workers per km²), in the request's <c>coordsys</c>; cells then weigh Σ weight × overlap km². One parser for
/// the API's <c>weights</c> and the CLI's <c>--weights FILE</c>, so both name the same fields.
/// </summary>
public static class WeightLayer
{
    public const int MaxFeatures = 10_000;

    /// <summary>
    /// The largest weight per km²: dense outdoor work is thousands per km², so 1e9 leaves room for any unit while
    /// 10,000 features × 1e9 × a province's km² still add up to a finite number (1e308 per km² summed to infinity).
    /// </summary>
    public const double MaxWeight = 1e9;

    public static IReadOnlyList<WeightPolygon>? Parse(JsonElement? json, CoordSys sys, List<FieldError> errors)
    {
        if (json is not { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } fc) return null;
        if (fc.ValueKind != JsonValueKind.Object || !fc.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array
            || features.GetArrayLength() is 0 or > MaxFeatures)
        {
            errors.Add(NotACollection());
            return null;
        }
        var layer = new List<WeightPolygon>();
        var i = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var name = $"weights.features[{i++}]";
            Geometry? geometry = null;
            try
            {
                if (feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("geometry", out var g))
                    geometry = g.Deserialize<Geometry>(DistrictBoundaries.GeoJsonOptions);
            }
            catch (JsonException) { }
            if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty || geometry.Coordinates.Any(c => c.X is < -180 or > 180 || c.Y is < -90 or > 90))
            {
                errors.Add(FieldError.Of(name, "invalid_geometry", $"{name} 须为 Polygon 或 MultiPolygon（经度,纬度）", $"{name} must be a Polygon or MultiPolygon (lng,lat)"));
                continue;
            }
            if (!feature.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object
                || !props.TryGetProperty("weight", out var w) || w.ValueKind != JsonValueKind.Number || !w.TryGetDouble(out var weight)
                || weight is < 0 or > MaxWeight || !double.IsFinite(weight))
            {
                errors.Add(FieldError.Of(name + ".properties.weight", "invalid_weight", $"{name}.properties.weight 须为 0 到 {MaxWeight:0e0} 之间的数（每平方公里）",
                    $"{name}.properties.weight must be a number from 0 to {MaxWeight:0e0} (per km²)"));
                continue;
            }
            geometry.Apply(new ToWgs84(sys));
            geometry.GeometryChanged();
            var repaired = GeometryFixer.Fix(geometry);
            if (!UploadedRegion.Encloses(repaired))
            {
                errors.Add(FieldError.Of(name + ".geometry", "no_area", $"{name}.geometry 没有面积（顶点重合或共线）",
                    $"{name}.geometry encloses no area (its vertices coincide or lie on one line)"));
                continue;
            }
            layer.Add(new WeightPolygon(repaired, weight));
        }
        return layer;
    }

    /// <summary>A layer from a file's text (the CLI's <c>--weights FILE</c>); malformed JSON is an error on <c>weights</c> naming the file.</summary>
    public static IReadOnlyList<WeightPolygon>? Read(string text, string fileName, CoordSys sys, List<FieldError> errors)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Null)
            {
                errors.Add(NotACollection()); // a file is never "no layer"
                return null;
            }
            return Parse(doc.RootElement, sys, errors);
        }
        catch (JsonException e)
        {
            errors.Add(FieldError.Of("weights", "invalid_json", $"weights ({fileName})：不是合法的 JSON（第 {(e.LineNumber ?? 0) + 1} 行）",
                $"weights ({fileName}): not valid JSON (line {(e.LineNumber ?? 0) + 1})"));
            return null;
        }
    }

    private static FieldError NotACollection() => FieldError.Of("weights", "invalid_weights", $"weights 须为含 1 到 {MaxFeatures} 个面要素的 GeoJSON FeatureCollection",
        $"weights must be a GeoJSON FeatureCollection of 1 to {MaxFeatures} polygon features");
}
