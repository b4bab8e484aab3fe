using System.Globalization;
using StationMap.Common;
using StationMap.Geo;
using StationMap.Hours;
using StationMap.Nearby;
using StationMap.Stations;

namespace StationMap.Api.Nearby;

/// <summary>Reads the nearest query string; every bad value is named with what would be valid.</summary>
internal static class NearestParameters
{
    private static readonly HashSet<string> Known =
        ["lng", "lat", "coordsys", "limit", "radius", "services", "type", "openNow", "at", "f", "outCoordsys"];

    public static (NearestRequest? Request, Coordinate Origin, CoordSys Output, List<FieldError> Errors) Parse(IQueryCollection q, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        foreach (var key in q.Keys.Where(k => !Known.Contains(k)))
            errors.Add(FieldError.Of(key, "unknown_parameter", $"未知参数 {key}，可用：{string.Join(", ", Known)}", $"unknown parameter {key}; valid: {string.Join(", ", Known)}"));

        var input = CoordSys.Wgs84;
        if (q.ContainsKey("coordsys") && !(CoordSysNames.TryParse(q["coordsys"], out input) && input != CoordSys.Bd09Mc))
            errors.Add(Invalid("coordsys", q["coordsys"]!, "wgs84, gcj02, bd09"));
        var output = input;
        if (q.ContainsKey("outCoordsys") && !(CoordSysNames.TryParse(q["outCoordsys"], out output) && output != CoordSys.Bd09Mc))
            errors.Add(Invalid("outCoordsys", q["outCoordsys"]!, "wgs84, gcj02, bd09"));

        var point = CoordinateParser.ParsePoint(q["lng"], q["lat"], requireChina: false);
        if (point.Error is { } pe)
            errors.Add(new FieldError(pe.MessageEn.StartsWith("latitude", StringComparison.OrdinalIgnoreCase) ? "lat" : "lng", pe.Code, pe.Message));

        var limit = Number(q, "limit", NearestRequest.DefaultLimit, 1, NearestRequest.MaxLimit, errors);
        double? radius = q.ContainsKey("radius") ? Number(q, "radius", 0, 1, (int)NearestRequest.MaxRadiusM, errors) : null;
        var services = Services(q["services"].ToString(), errors);
        StationType? type = null;
        if (!string.IsNullOrWhiteSpace(q["type"]))
        {
            if (EnumNames.TryParse<StationType>(q["type"], out var t)) type = t;
            else errors.Add(Invalid("type", q["type"]!, string.Join(", ", EnumNames.All<StationType>())));
        }
        var openNow = false;
        if (!string.IsNullOrWhiteSpace(q["openNow"]) && !bool.TryParse(q["openNow"], out openNow))
            errors.Add(Invalid("openNow", q["openNow"]!, "true, false"));
        var at = At(q["at"].ToString(), now, errors);

        if (errors.Count > 0) return (null, default, output, errors);
        var origin = point.Value.In(input);
        var wgs = origin.To(CoordSys.Wgs84);
        return (new NearestRequest(wgs.Lng, wgs.Lat, limit, radius, services, type, openNow, at), origin, output, errors);
    }

    private static List<string> Services(string text, List<FieldError> errors)
    {
        var codes = new List<string>();
        foreach (var name in text.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (ServiceCatalog.TryResolve(name, out var s)) codes.Add(s.Code);
            else errors.Add(Invalid("services", name, string.Join(", ", ServiceCatalog.Codes)));
        }
        return codes.Distinct().ToList();
    }

    private static DateTimeOffset At(string text, DateTimeOffset now, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return now;
        var hasOffset = System.Text.RegularExpressions.Regex.IsMatch(text, @"(Z|[+-]\d{2}:?\d{2})$");
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return at;
        // No offset written: the courier means Beijing time.
        if (!hasOffset && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, ShanghaiTime.Zone.GetUtcOffset(local));
        errors.Add(FieldError.Of("at", "invalid_parameter", $"at 须为 ISO 8601 时间，如 2026-11-25T08:30+08:00：'{text}'",
            $"at must be an ISO 8601 time such as 2026-11-25T08:30+08:00: '{text}'"));
        return now;
    }

    private static int Number(IQueryCollection q, string name, int fallback, int min, int max, List<FieldError> errors)
    {
        var text = q[name].ToString();
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return (int)Math.Round(v);
        errors.Add(FieldError.Of(name, "out_of_range", $"{name} 须在 {min} 到 {max} 之间：'{text}'", $"{name} must be from {min} to {max}: '{text}'"));
        return fallback;
    }

    private static FieldError Invalid(string name, string value, string valid) =>
        FieldError.Of(name, "invalid_parameter", $"{name} 取值无效：'{value}'，可选：{valid}", $"invalid {name} '{value}'; valid: {valid}");
}
