using System.Globalization;
using StationMap.Common;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Api;

/// <summary>
/// The one way the endpoints read query (and form) parameters: a missing value takes the default, a bad or
/// out-of-range one is an error naming the parameter in Chinese and English, with what would be valid. Nothing is
/// clamped silently.
/// </summary>
internal static class QueryParameters
{
    public const string ValidCoordsys = "wgs84, gcj02, bd09";
    public const string ValidBooleans = "true, false, 1, 0, yes, no, on, off";

    /// <summary>Names every parameter the endpoint does not know.</summary>
    public static void RejectUnknown(IQueryCollection q, IReadOnlySet<string> known, List<FieldError> errors)
    {
        foreach (var key in q.Keys)
            if (!known.Contains(key)) errors.Add(FieldError.Of(key, "unknown_parameter", $"未知参数 {key}，可用：{string.Join(", ", known)}",
                $"unknown parameter {key}; valid: {string.Join(", ", known)}"));
    }

    /// <summary>A coordinate system for reading or writing points (bd09mc is not offered on the API).</summary>
    public static CoordSys Coordsys(IQueryCollection q, string name, CoordSys fallback, List<FieldError> errors) =>
        Coordsys(q.TryGetValue(name, out var v) ? v.ToString() : null, name, fallback, errors);

    /// <summary>Same, for a value from anywhere (a JSON body, a form); null means absent.</summary>
    public static CoordSys Coordsys(string? text, string name, CoordSys fallback, List<FieldError> errors)
    {
        if (text is null) return fallback;
        if (CoordSysNames.TryParse(text, out var sys) && sys != CoordSys.Bd09Mc) return sys;
        errors.Add(Invalid(name, text, ValidCoordsys));
        return fallback;
    }

    /// <summary>The coordinate system of an uploaded file, where Baidu Mercator (bd09mc) may be read too; null when absent.</summary>
    public static CoordSys? FileCoordsys(string? text, string name, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (CoordSysNames.TryParse(text, out var sys)) return sys;
        errors.Add(Invalid(name, text, string.Join(", ", CoordSysNames.All)));
        return null;
    }

    public static double Number(IQueryCollection q, string name, double fallback, double min, double max, List<FieldError> errors) =>
        Number(q[name].ToString(), name, fallback, min, max, errors);

    public static double Number(string? text, string name, double fallback, double min, double max, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        errors.Add(FieldError.Of(name, "out_of_range", $"{name} 须为 {min} 到 {max} 之间的数：'{text}'", $"{name} must be a number from {min} to {max}: '{text}'"));
        return fallback;
    }

    public static int Int(IQueryCollection q, string name, int fallback, int min, int max, List<FieldError> errors) =>
        Int(q[name].ToString(), name, fallback, min, max, errors);

    public static int Int(string? text, string name, int fallback, int min, int max, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max && v == Math.Floor(v))
            return (int)v;
        errors.Add(FieldError.Of(name, "out_of_range", $"{name} 须为 {min} 到 {max} 之间的整数：'{text}'", $"{name} must be a whole number from {min} to {max}: '{text}'"));
        return fallback;
    }

    public static bool Bool(IQueryCollection q, string name, bool fallback, List<FieldError> errors) =>
        Bool(q[name].ToString(), name, fallback, errors);

    /// <summary>The same words everywhere: true/false, 1/0, yes/no, on/off (any case).</summary>
    public static bool Bool(string? text, string name, bool fallback, List<FieldError> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "": return fallback;
            case "true" or "1" or "yes" or "on": return true;
            case "false" or "0" or "no" or "off": return false;
            default:
                errors.Add(Invalid(name, text, ValidBooleans));
                return fallback;
        }
    }

    public static T? Enum<T>(IQueryCollection q, string name, List<FieldError> errors) where T : struct, System.Enum
    {
        var text = q[name].ToString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (EnumNames.TryParse<T>(text, out var v)) return v;
        errors.Add(Invalid(name, text, string.Join(", ", EnumNames.All<T>())));
        return null;
    }

    /// <summary>An area as an adcode prefix of 1 to 6 digits; a full 6-digit code means its whole area (trailing zeros dropped). Null when absent.</summary>
    public static string? AdcodePrefix(IQueryCollection q, string name, List<FieldError> errors)
    {
        var adcode = q[name].ToString().Trim();
        if (adcode.Length == 0) return null;
        if (adcode.Length > 6 || !adcode.All(char.IsAsciiDigit))
        {
            errors.Add(FieldError.Of(name, "invalid_parameter", $"{name} 须为1到6位数字（前缀）", $"{name} must be 1 to 6 digits (a prefix)"));
            return null;
        }
        return adcode.Length == 6 ? Orgs.AdcodeScope.Prefix(adcode) : adcode;
    }

    /// <summary>One of a fixed set of words (case-insensitive), or the fallback when absent.</summary>
    public static string OneOf(IQueryCollection q, string name, string fallback, IReadOnlyList<string> valid, List<FieldError> errors)
    {
        var text = q[name].ToString();
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (valid.FirstOrDefault(v => v.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } match) return match;
        errors.Add(Invalid(name, text, string.Join(", ", valid)));
        return fallback;
    }

    public static FieldError Invalid(string name, string value, string valid) =>
        FieldError.Of(name, "invalid_parameter", $"{name} 取值无效：'{value}'，可选：{valid}", $"invalid {name} '{value}'; valid: {valid}");
}
