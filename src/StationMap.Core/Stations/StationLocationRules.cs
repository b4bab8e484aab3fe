using StationMap.Common;
using StationMap.Geo;

namespace StationMap.Stations;

internal static class StationLocationRules
{
    // TEMPORARY until the Geo module lands: range checks only.
    public static (Coordinate Submitted, Coordinate Wgs84)? Check(double? lng, double? lat, CoordSys sys, List<FieldError> errors)
    {
        if (lng is null || lat is null)
        {
            errors.Add(FieldError.Of(lng is null ? "lng" : "lat", "required", "经纬度不能为空", "coordinates are required"));
            return null;
        }
        if (lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            errors.Add(FieldError.Of("lat", "out_of_range", "经纬度超出范围", "coordinates out of range"));
            return null;
        }
        var submitted = new Coordinate(lng.Value, lat.Value, sys);
        return (submitted, submitted.To(CoordSys.Wgs84));
    }
}
