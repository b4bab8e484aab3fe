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

        var input = QueryParameters.Coordsys(q, "coordsys", CoordSys.Wgs84, errors);
        var output = QueryParameters.Coordsys(q, "outCoordsys", input, errors);

        var point = CoordinateParser.ParsePoint(q["lng"], q["lat"], requireChina: false);
        if (point.Error is { } pe)
            errors.Add(new FieldError(pe.MessageEn.StartsWith("latitude", StringComparison.OrdinalIgnoreCase) ? "lat" : "lng", pe.Code, pe.Message));

        var limit = QueryParameters.Int(q, "limit", NearestRequest.DefaultLimit, 1, NearestRequest.MaxLimit, errors);
        double? radius = q.ContainsKey("radius") ? QueryParameters.Int(q, "radius", 0, 1, (int)NearestRequest.MaxRadiusM, errors) : null;
        var services = Services(q["services"].ToString(), errors);
        var type = QueryParameters.Enum<StationType>(q, "type", errors);
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

    private static FieldError Invalid(string name, string value, string valid) => QueryParameters.Invalid(name, value, valid);
}
