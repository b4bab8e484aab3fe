using System.Globalization;
using System.Text.RegularExpressions;
using StationMap.Common;
using StationMap.Geo;
using StationMap.Hours;
using StationMap.Nearby;
using StationMap.Stations;

namespace StationMap.Api.Nearby;

/// <summary>Reads the nearest query string; every bad value is named with what would be valid.</summary>
internal static partial class NearestParameters
{
    private static readonly HashSet<string> Known =
        ["lng", "lat", "coordsys", "limit", "radius", "services", "type", "openNow", "accessible", "at", "f", "outCoordsys"];

    /// <summary>Times a courier could mean: wider than any schedule question, narrow enough for every time-zone conversion.</summary>
    private static readonly DateTimeOffset EarliestAt = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero), LatestAt = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (NearestRequest? Request, Coordinate Origin, CoordSys Output, List<FieldError> Errors) Parse(IQueryCollection q, DateTimeOffset now, HolidayCalendar? holidays = null)
    {
        var errors = new List<FieldError>();
        QueryParameters.RejectUnknown(q, Known, errors);
        var input = QueryParameters.Coordsys(q, "coordsys", CoordSys.Wgs84, errors);
        var output = QueryParameters.Coordsys(q, "outCoordsys", input, errors);

        var point = CoordinateParser.ParsePoint(q["lng"], q["lat"], requireChina: false);
        if (point.Error is { } pe)
            errors.Add(new FieldError(pe.MessageEn.StartsWith("latitude", StringComparison.OrdinalIgnoreCase) ? "lat" : "lng", pe.Code, pe.Message));

        var limit = QueryParameters.Int(q, "limit", NearestRequest.DefaultLimit, 1, NearestRequest.MaxLimit, errors);
        double? radius = q.ContainsKey("radius") ? QueryParameters.Int(q, "radius", 0, 1, (int)NearestRequest.MaxRadiusM, errors) : null;
        var services = Services(q["services"].ToString(), errors);
        var type = QueryParameters.Enum<StationType>(q, "type", errors);
        var openNow = QueryParameters.Bool(q, "openNow", false, errors);
        var accessible = QueryParameters.Bool(q, "accessible", false, errors);
        QueryParameters.OneOf(q, "f", "json", ["json", "geojson"], errors);
        var at = At(q["at"].ToString(), now, errors);

        if (errors.Count > 0) return (null, default, output, errors);
        var origin = point.Value.In(input);
        var wgs = origin.To(CoordSys.Wgs84);
        return (new NearestRequest(wgs.Lng, wgs.Lat, limit, radius, services, type, openNow, at, accessible, holidays), origin, output, errors);
    }

    private static List<string> Services(string text, List<FieldError> errors)
    {
        var codes = new List<string>();
        if (text.Length == 0) return codes;
        foreach (var name in text.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (ServiceCatalog.TryResolve(name, out var s)) codes.Add(s.Code);
            else errors.Add(QueryParameters.Invalid("services", name, string.Join(", ", ServiceCatalog.Codes)));
        }
        return codes.Distinct().ToList();
    }

    private static DateTimeOffset At(string text, DateTimeOffset now, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return now;
        if (Parse(text) is { } at && at >= EarliestAt && at < LatestAt) return at;
        errors.Add(FieldError.Of("at", "invalid_parameter",
            $"at 须为 1970 到 2199 年之间的 ISO 8601 时间，如 at=2026-11-25T08:30%2B08:00（网址中 + 写作 %2B）：'{text}'",
            $"at must be an ISO 8601 time from 1970 to 2199, such as at=2026-11-25T08:30%2B08:00 (+ is %2B in a URL): '{text}'"));
        return now;
    }

    private static DateTimeOffset? Parse(string text)
    {
        // A "+" typed into a URL arrives as a space (form encoding): a space between a time of day and hh:mm at the
        // end can only be that. "2026-11-25 08:30" (date, space, time) has no time before its space and stays as it is.
        text = SpacedOffset().Replace(text, "${time}+${offset}");
        if (OffsetSuffix().IsMatch(text))
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
        // No offset written: the courier means Beijing time. Far-off years are refused before the zone is asked.
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year < EarliestAt.Year || local.Year >= LatestAt.Year) return null;
        return new DateTimeOffset(local, ShanghaiTime.Zone.GetUtcOffset(local));
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex(@"^(?<time>(.*\d[T ])?\d{2}:\d{2}(:\d{2}(\.\d+)?)?) (?<offset>\d{2}:?\d{2})$")]
    private static partial Regex SpacedOffset();
}
