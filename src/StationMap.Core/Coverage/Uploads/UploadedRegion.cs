using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using StationMap.Common;
using StationMap.Coverage.Boundaries;
using StationMap.Geo;

namespace StationMap.Coverage.Uploads;

/// <summary>
/// A polygon the user sends instead of an adcode ("inside the 5th ring road"): a GeoJSON Polygon or MultiPolygon
/// (<c>region</c>) or a KML file's polygons (<c>regionKml</c>, with its file name in <c>regionFile</c>), in
/// <c>coordsys</c>, converted to WGS-84 vertex by vertex and repaired if it self-intersects.
/// </summary>
public sealed record UploadedRegion(JsonElement? GeoJson, string? Kml, string? File, string? Name)
{
    public CoverageRegion? Parse(CoordSys sys, List<FieldError> errors)
    {
        if (GeoJson is not null && !string.IsNullOrEmpty(Kml))
        {
            errors.Add(FieldError.Of("region", "one_region", "region 与 regionKml 只能给一个", "give region or regionKml, not both"));
            return null;
        }
        if (GeoJson is { } geojson) return FromGeoJson(geojson, sys, Name, errors);
        var (geometry, kmlName) = KmlRegion.Parse(Kml!, File, errors);
        return geometry is null ? null : Finish(geometry, sys, Name ?? kmlName ?? File, KmlRegion.Field, errors);
    }

    private static CoverageRegion? FromGeoJson(JsonElement json, CoordSys sys, string? name, List<FieldError> errors)
    {
        Geometry? geometry = null;
        try { geometry = json.Deserialize<Geometry>(DistrictBoundaries.GeoJsonOptions); }
        catch (JsonException) { }
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            errors.Add(FieldError.Of("region", "invalid_region", "region 须为 GeoJSON Polygon 或 MultiPolygon", "region must be a GeoJSON Polygon or MultiPolygon"));
            return null;
        }
        return Finish(geometry, sys, name, "region", errors);
    }

    private static CoverageRegion? Finish(Geometry geometry, CoordSys sys, string? name, string field, List<FieldError> errors)
    {
        if (geometry.Coordinates.Any(c => c.X is < -180 or > 180 || c.Y is < -90 or > 90))
        {
            errors.Add(FieldError.Of(field, "invalid_coordinate", $"{field} 的坐标超出范围（须为 经度,纬度）", $"{field} has coordinates out of range (they must be lng,lat)"));
            return null;
        }
        geometry.Apply(new ToWgs84(sys));
        geometry.GeometryChanged();
        var repaired = GeometryFixer.Fix(geometry);
        if (!Encloses(repaired))
        {
            // All vertices on one point or one line: the repair leaves nothing to cover.
            errors.Add(FieldError.Of(field, "region_no_area", $"{field} 的多边形没有面积（顶点重合或共线），请给出围成面积的区域",
                $"{field} encloses no area (its vertices coincide or lie on one line); give a polygon that encloses an area"));
            return null;
        }
        return CoverageRegion.Uploaded(repaired, name);
    }

    /// <summary>A repaired polygon that still has an area (GeometryFixer turns a collapsed one into an empty geometry).</summary>
    internal static bool Encloses(Geometry repaired) => repaired is Polygon or MultiPolygon && !repaired.IsEmpty && repaired.Area > 0;
}
