using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using StationMap.Common;
using StationMap.Coverage;
using StationMap.Coverage.Boundaries;
using StationMap.Geo;

namespace StationMap.Api.Coverage;

/// <summary>
/// A polygon the user sends instead of an adcode ("inside the 5th ring road"): a GeoJSON Polygon or MultiPolygon in
/// <c>coordsys</c>, converted to WGS-84 vertex by vertex and repaired if it self-intersects.
/// </summary>
internal static class UploadedRegion
{
    public static CoverageRegion? Parse(JsonElement json, CoordSys sys, string? name, List<FieldError> errors)
    {
        Geometry? geometry = null;
        try { geometry = json.Deserialize<Geometry>(DistrictBoundaries.GeoJsonOptions); }
        catch (JsonException) { }
        if (geometry is not (Polygon or MultiPolygon) || geometry.IsEmpty)
        {
            errors.Add(FieldError.Of("region", "invalid_region", "region 须为 GeoJSON Polygon 或 MultiPolygon", "region must be a GeoJSON Polygon or MultiPolygon"));
            return null;
        }
        if (geometry.Coordinates.Any(c => c.X is < -180 or > 180 || c.Y is < -90 or > 90))
        {
            errors.Add(FieldError.Of("region", "invalid_coordinate", "region 的坐标超出范围", "region has coordinates out of range"));
            return null;
        }
        geometry.Apply(new ToWgs84(sys));
        geometry.GeometryChanged();
        return CoverageRegion.Uploaded(GeometryFixer.Fix(geometry), name);
    }

    private sealed class ToWgs84(CoordSys sys) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                CoordConvert.Convert(sys, CoordSys.Wgs84, seq.GetX(i), seq.GetY(i), out var x, out var y);
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
