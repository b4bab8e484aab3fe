using System.Globalization;
using StationMap.Common;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Api;

/// <summary>Query-string readers shared by the endpoints; each bad value is named with what would be valid.</summary>
internal static class QueryParameters
{
    public const string ValidCoordsys = "wgs84, gcj02, bd09";

    /// <summary>A coordinate system for reading or writing points (bd09mc is not offered on the API).</summary>
    public static CoordSys Coordsys(IQueryCollection q, string name, CoordSys fallback, List<FieldError> errors)
    {
        if (!q.ContainsKey(name)) return fallback;
        if (CoordSysNames.TryParse(q[name], out var sys) && sys != CoordSys.Bd09Mc) return sys;
        errors.Add(Invalid(name, q[name]!, ValidCoordsys));
        return fallback;
    }

    public static int Int(IQueryCollection q, string name, int fallback, int min, int max, List<FieldError> errors)
    {
        var text = q[name].ToString();
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max && v == Math.Floor(v))
            return (int)v;
        errors.Add(FieldError.Of(name, "out_of_range", $"{name} 须为 {min} 到 {max} 之间的整数：'{text}'", $"{name} must be a whole number from {min} to {max}: '{text}'"));
        return fallback;
    }

    public static T? Enum<T>(IQueryCollection q, string name, List<FieldError> errors) where T : struct, System.Enum
    {
        var text = q[name].ToString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (EnumNames.TryParse<T>(text, out var v)) return v;
        errors.Add(Invalid(name, text, string.Join(", ", EnumNames.All<T>())));
        return null;
    }

    public static FieldError Invalid(string name, string value, string valid) =>
        FieldError.Of(name, "invalid_parameter", $"{name} 取值无效：'{value}'，可选：{valid}", $"invalid {name} '{value}'; valid: {valid}");
}
