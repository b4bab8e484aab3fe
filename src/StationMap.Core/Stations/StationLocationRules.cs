using StationMap.Common;
using StationMap.Geo;

namespace StationMap.Stations;

internal static class StationLocationRules
{
    /// <summary>Range, swapped-axis and inside-China checks through the Geo module; returns the point as submitted and in WGS-84.</summary>
    public static (Coordinate Submitted, Coordinate Wgs84)? Check(double? lng, double? lat, CoordSys sys, List<FieldError> errors)
    {
        if (lng is null || lat is null)
        {
            errors.Add(FieldError.Of(lng is null ? "lng" : "lat", "required", "经纬度不能为空", "coordinates are required"));
            return null;
        }
        var submitted = new Coordinate(lng.Value, lat.Value, sys);
        if (sys == CoordSys.Bd09Mc)
        {
            if (Math.Abs(lng.Value) > 20037508.35 || Math.Abs(lat.Value) > 20037508.35)
            {
                errors.Add(FieldError.Of("lng", "out_of_range", "百度墨卡托坐标超出范围", "Baidu Mercator metres out of range"));
                return null;
            }
        }
        else if (lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            var swapped = lng is >= -90 and <= 90 && ChinaRegion.IsInsideChina(lat.Value, lng.Value);
            errors.Add(swapped
                ? FieldError.Of("lat", "swapped", "经纬度疑似填反", "latitude and longitude look swapped")
                : FieldError.Of("lat", "out_of_range", "经纬度超出范围", "coordinates out of range"));
            return null;
        }
        var wgs = submitted.To(CoordSys.Wgs84);
        if (!ChinaRegion.IsInsideChina(wgs.Lng, wgs.Lat))
        {
            var swapped = sys != CoordSys.Bd09Mc && ChinaRegion.IsInsideChina(lat.Value, lng.Value);
            errors.Add(swapped
                ? FieldError.Of("lat", "swapped", "经纬度疑似填反", "latitude and longitude look swapped")
                : FieldError.Of("lng", "outside_china", "坐标不在中国境内", "point is outside China"));
            return null;
        }
        return (submitted, wgs);
    }
}
