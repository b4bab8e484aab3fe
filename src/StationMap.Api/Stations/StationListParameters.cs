using System.Globalization;
using StationMap.Common;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Api.Stations;

/// <summary>Parses the station list's query string, naming each bad parameter.</summary>
internal static class StationListParameters
{
    public const int MaxPageSize = 500;

    /// <summary>Longer than any name or address search needs; longer text only costs the trigram index work.</summary>
    public const int MaxTextLength = 100;

    /// <summary>Any other parameter is refused by name: a misspelt one would otherwise be ignored without a word.
    /// Case-insensitive, as the values are read.</summary>
    private static readonly HashSet<string> Known =
        new(["q", "adcode", "status", "type", "bbox", "coordsys", "outCoordsys", "page", "pageSize"], StringComparer.OrdinalIgnoreCase);

    public static (StationFilter? Filter, CoordSys Output, List<FieldError> Errors) Parse(IQueryCollection q, global::StationMap.Auth.StaffIdentity? who)
    {
        var errors = new List<FieldError>();
        QueryParameters.RejectUnknown(q, Known, errors);
        // As on nearest: coordsys is what comes in (the bbox) and, unless outCoordsys says otherwise, what goes out.
        var input = QueryParameters.Coordsys(q, "coordsys", CoordSys.Wgs84, errors);
        var output = QueryParameters.Coordsys(q, "outCoordsys", input, errors);

        var adcode = QueryParameters.AdcodePrefix(q, "adcode", errors);

        var status = QueryParameters.Enum<StationStatus>(q, "status", errors);
        var type = QueryParameters.Enum<StationType>(q, "type", errors);
        var page = QueryParameters.Int(q, "page", 1, 1, 1_000_000, errors);
        var pageSize = QueryParameters.Int(q, "pageSize", 50, 1, MaxPageSize, errors);
        var bbox = ParseBbox(q, input, errors);
        var text = q["q"].ToString();
        if (StationTextRules.CheckCharacters(text, "q", errors) && text.Trim().Length > MaxTextLength)
            errors.Add(FieldError.Of("q", "too_long", $"搜索词不能超过{MaxTextLength}个字符", $"q must be at most {MaxTextLength} characters"));

        var filter = new StationFilter
        {
            AdcodePrefix = adcode, Status = status, Type = type, Text = text, Bbox = bbox,
            PublicOnly = who is null, NonPublicScopePrefix = StationVisibility.AreaPrefix(who),
            Page = page, PageSize = pageSize,
        };
        return (errors.Count == 0 ? filter : null, output, errors);
    }

    private static (double, double, double, double)? ParseBbox(IQueryCollection q, CoordSys sys, List<FieldError> errors)
    {
        var text = q["bbox"].ToString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(',');
        var nums = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        if (nums.Length != 4 || nums.Any(n => !double.IsFinite(n)) || nums[0] >= nums[2] || nums[1] >= nums[3]
            || nums[0] < -180 || nums[2] > 180 || nums[1] < -90 || nums[3] > 90)
        {
            errors.Add(FieldError.Of("bbox", "invalid_parameter", "bbox 须为 最小经度,最小纬度,最大经度,最大纬度",
                "bbox must be minLng,minLat,maxLng,maxLat with min < max"));
            return null;
        }
        // The offsets are smooth and small, so converting the two corners keeps the box right to metres.
        var sw = new Coordinate(nums[0], nums[1], sys).To(CoordSys.Wgs84);
        var ne = new Coordinate(nums[2], nums[3], sys).To(CoordSys.Wgs84);
        return (sw.Lng, sw.Lat, ne.Lng, ne.Lat);
    }
}
