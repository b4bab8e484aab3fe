using System.Globalization;
using StationMap.Common;
using StationMap.Geo;

namespace StationMap.Stations;

/// <summary>Checks a submitted point with the Geo parser's rules (range, swapped, inside China) and converts it to WGS-84.</summary>
internal static class StationLocationRules
{
    public static (Coordinate Submitted, Coordinate Wgs84)? Check(double? lng, double? lat, CoordSys sys, List<FieldError> errors)
    {
        if (lng is null || lat is null)
        {
            errors.Add(FieldError.Of(lng is null ? "lng" : "lat", "required", "经纬度不能为空", "longitude and latitude are required"));
            return null;
        }
        var submitted = new Coordinate(lng.Value, lat.Value, sys);
        // Baidu Mercator is in metres: check the point once it is in degrees.
        var degrees = sys == CoordSys.Bd09Mc ? submitted.To(CoordSys.Bd09) : submitted;
        var parsed = CoordinateParser.ParsePoint(Text(degrees.Lng), Text(degrees.Lat), requireChina: true);
        if (parsed.Error is { } e)
        {
            var field = e.MessageEn.StartsWith("latitude", StringComparison.OrdinalIgnoreCase) ? "lat" : "lng";
            errors.Add(new FieldError(field, e.Code, e.Message));
            return null;
        }
        return (submitted, submitted.To(CoordSys.Wgs84));
    }

    private static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
