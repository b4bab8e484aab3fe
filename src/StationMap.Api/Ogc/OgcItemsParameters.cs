using System.Globalization;
using StationMap.Common;
using StationMap.Geo;

namespace StationMap.Api.Ogc;

/// <summary>Parses the common items parameters (limit, offset, bbox, bbox-crs, datetime), naming each bad one.</summary>
internal static class OgcItemsParameters
{
    public const int DefaultLimit = 10, MaxLimit = 10_000;
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private static readonly string[] Common = ["limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "f"];

    public static (ItemsRequest? Request, List<FieldError> Errors) Parse(IQueryCollection q, OgcCollection collection)
    {
        var errors = new List<FieldError>();
        foreach (var name in q.Keys.Where(k => !Common.Contains(k) && !collection.FilterParameters.Contains(k)))
            errors.Add(FieldError.Of(name, "unknown_parameter", $"未知参数 '{name}'", $"unknown parameter '{name}'"));
        var limit = QueryParameters.Int(q, "limit", DefaultLimit, 1, MaxLimit, errors);
        var offset = QueryParameters.Int(q, "offset", 0, 0, 100_000_000, errors);
        var bboxCrs = ParseBboxCrs(q, errors);
        var bbox = ParseBbox(q, bboxCrs, errors);
        var (from, to) = ParseDatetime(q["datetime"].ToString(), errors);
        CheckOutput(q, errors);
        var filters = collection.ParseFilters(q, errors);
        return (errors.Count == 0 ? new ItemsRequest(limit, offset, bbox, from, to, filters) : null, errors);
    }

    /// <summary>Responses are GeoJSON in CRS84 only (crs may name it; f may ask for json).</summary>
    public static void CheckOutput(IQueryCollection q, List<FieldError> errors)
    {
        var crs = q["crs"].ToString();
        if (crs.Length > 0 && crs != Crs84)
            errors.Add(QueryParameters.Invalid("crs", crs, Crs84));
        var f = q["f"].ToString();
        if (f.Length > 0 && f is not ("json" or "geojson"))
            errors.Add(QueryParameters.Invalid("f", f, "json"));
    }

    /// <summary>CRS84 by its URI, or (StationMap's extension) a coordsys name: wgs84, gcj02, bd09.</summary>
    private static CoordSys ParseBboxCrs(IQueryCollection q, List<FieldError> errors)
    {
        var text = q["bbox-crs"].ToString().Trim();
        if (text.Length == 0 || text == Crs84) return CoordSys.Wgs84;
        if (CoordSysNames.TryParse(text, out var sys) && sys != CoordSys.Bd09Mc) return sys;
        errors.Add(QueryParameters.Invalid("bbox-crs", text, $"{Crs84}, {QueryParameters.ValidCoordsys}"));
        return CoordSys.Wgs84;
    }

    private static (double, double, double, double)? ParseBbox(IQueryCollection q, CoordSys sys, List<FieldError> errors)
    {
        var text = q["bbox"].ToString();
        if (text.Length == 0) return null;
        var nums = text.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        if (nums.Length != 4 || nums.Any(n => !double.IsFinite(n)) || nums[0] > nums[2] || nums[1] > nums[3]
            || nums[0] < -180 || nums[2] > 180 || nums[1] < -90 || nums[3] > 90)
        {
            errors.Add(FieldError.Of("bbox", "invalid_parameter", $"bbox 须为4个数：最小经度,最小纬度,最大经度,最大纬度（最小值不大于最大值）：'{text}'",
                $"bbox must be 4 numbers minLng,minLat,maxLng,maxLat with min <= max: '{text}'"));
            return null;
        }
        if (sys == CoordSys.Wgs84) return (nums[0], nums[1], nums[2], nums[3]);
        // The offsets are smooth and small: converting the two corners keeps the box right to metres.
        var sw = new Coordinate(nums[0], nums[1], sys).To(CoordSys.Wgs84);
        var ne = new Coordinate(nums[2], nums[3], sys).To(CoordSys.Wgs84);
        return (sw.Lng, sw.Lat, ne.Lng, ne.Lat);
    }

    /// <summary>RFC 3339 instant or interval "start/end" with open ends ".." (or empty); a bare date means that whole day.</summary>
    internal static (DateTimeOffset? From, DateTimeOffset? To) ParseDatetime(string text, List<FieldError> errors)
    {
        if (text.Length == 0) return (null, null);
        var parts = text.Split('/');
        DateTimeOffset? from = null, to = null;
        var ok = parts.Length switch
        {
            1 => TryInstant(parts[0], out from, out to),
            2 => TryEnd(parts[0], start: true, out from) && TryEnd(parts[1], start: false, out to) && !(from is null && to is null)
                 && (from is null || to is null || from <= to),
            _ => false,
        };
        if (ok) return (from, to);
        errors.Add(FieldError.Of("datetime", "invalid_parameter",
            $"datetime 须为 RFC 3339 时刻或区间（如 2026-12-01T00:00:00Z/.. ）：'{text}'",
            $"datetime must be an RFC 3339 instant or interval such as 2026-12-01T00:00:00Z/..: '{text}'"));
        return (null, null);
    }

    private static bool TryInstant(string s, out DateTimeOffset? from, out DateTimeOffset? to)
    {
        from = to = null;
        if (TryDate(s, out var day)) { from = day; to = day.AddDays(1).AddTicks(-1); return true; }
        if (!TryTimestamp(s, out var t)) return false;
        from = to = t;
        return true;
    }

    private static bool TryEnd(string s, bool start, out DateTimeOffset? value)
    {
        value = null;
        if (s is ".." or "") return true;
        if (TryDate(s, out var day)) { value = start ? day : day.AddDays(1).AddTicks(-1); return true; }
        if (!TryTimestamp(s, out var t)) return false;
        value = t;
        return true;
    }

    private static bool TryDate(string s, out DateTimeOffset day)
    {
        var ok = DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d);
        day = ok ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : default;
        return ok;
    }

    // RFC 3339 needs a date, a time and an offset (Z or ±hh:mm).
    private static bool TryTimestamp(string s, out DateTimeOffset t)
    {
        t = default;
        return s.Length >= 20 && s[10] is 'T' or 't' && (s.EndsWith('Z') || s.EndsWith('z') || s[^6] is '+' or '-')
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out t);
    }
}
