namespace StationMap.Geo;

/// <summary>The coordinate systems a point can be written in. Storage is always <see cref="Wgs84"/>.</summary>
public enum CoordSys
{
    /// <summary>GPS, browsers, OpenStreetMap, GeoJSON, PostGIS (EPSG:4326).</summary>
    Wgs84,
    /// <summary>Amap, Tencent and most Chinese phone SDKs ("火星坐标").</summary>
    Gcj02,
    /// <summary>Baidu longitude/latitude (bd09ll).</summary>
    Bd09,
    /// <summary>Baidu Mercator metres (bd09mc); accepted for reading only.</summary>
    Bd09Mc,
}

public static class CoordSysNames
{
    public static string ToWire(this CoordSys sys) => sys switch
    {
        CoordSys.Wgs84 => "wgs84",
        CoordSys.Gcj02 => "gcj02",
        CoordSys.Bd09 => "bd09",
        CoordSys.Bd09Mc => "bd09mc",
        _ => throw new ArgumentOutOfRangeException(nameof(sys)),
    };

    public static readonly IReadOnlyList<string> All = ["wgs84", "gcj02", "bd09", "bd09mc"];

    /// <summary>The words accepted for each system, for error messages: Chinese, then English.</summary>
    public const string AcceptedZh = "wgs84（WGS-84、GPS、北斗、天地图、CGCS2000）、gcj02（GCJ-02、高德、腾讯、国测局、火星坐标）、bd09（BD-09、百度）、bd09mc（百度墨卡托）";
    public const string AcceptedEn = "wgs84 (WGS-84, GPS, BeiDou, Tianditu, CGCS2000), gcj02 (GCJ-02, Amap, Tencent), bd09 (BD-09, Baidu), bd09mc (Baidu Mercator)";

    /// <summary>Every accepted word, normalised by <see cref="Key"/>. CGCS2000 (天地图, national surveying) differs from
    /// WGS-84 by centimetres, far below what a station pin needs, so it is read as WGS-84; 北斗 reports WGS-84/CGCS2000.</summary>
    internal static readonly IReadOnlyDictionary<string, CoordSys> Words = new Dictionary<string, CoordSys>
    {
        ["wgs84"] = CoordSys.Wgs84, ["wgs"] = CoordSys.Wgs84, ["gps"] = CoordSys.Wgs84, ["epsg4326"] = CoordSys.Wgs84, ["4326"] = CoordSys.Wgs84, ["wgs1984"] = CoordSys.Wgs84,
        ["北斗"] = CoordSys.Wgs84, ["beidou"] = CoordSys.Wgs84, ["bds"] = CoordSys.Wgs84,
        ["天地图"] = CoordSys.Wgs84, ["tianditu"] = CoordSys.Wgs84, ["cgcs2000"] = CoordSys.Wgs84, ["cgcs"] = CoordSys.Wgs84, ["国家2000"] = CoordSys.Wgs84,
        ["gcj02"] = CoordSys.Gcj02, ["gcj"] = CoordSys.Gcj02, ["amap"] = CoordSys.Gcj02, ["autonavi"] = CoordSys.Gcj02, ["gaode"] = CoordSys.Gcj02,
        ["高德"] = CoordSys.Gcj02, ["火星"] = CoordSys.Gcj02, ["tencent"] = CoordSys.Gcj02, ["qq"] = CoordSys.Gcj02, ["腾讯"] = CoordSys.Gcj02,
        ["国测局"] = CoordSys.Gcj02, ["高德地图"] = CoordSys.Gcj02, ["腾讯地图"] = CoordSys.Gcj02,
        ["bd09"] = CoordSys.Bd09, ["bd09ll"] = CoordSys.Bd09, ["baidu"] = CoordSys.Bd09, ["百度"] = CoordSys.Bd09, ["bd"] = CoordSys.Bd09, ["百度地图"] = CoordSys.Bd09,
        ["bd09mc"] = CoordSys.Bd09Mc, ["baidumercator"] = CoordSys.Bd09Mc, ["百度墨卡托"] = CoordSys.Bd09Mc,
    };

    /// <summary>Parses the names staff and SDKs use: "wgs84", "WGS-84", "GPS坐标", "gcj02", "高德坐标系", "GCJ-02（高德）",
    /// "百度坐标", "bd09ll"... A name with a gloss in brackets ("GCJ-02（高德）") is understood when every part names the
    /// same system; "WGS-84（百度）" is refused rather than guessed.</summary>
    public static bool TryParse(string? text, out CoordSys sys)
    {
        sys = CoordSys.Wgs84;
        // Every row of an import asks this, nearly always with a wire name: answer those without normalising.
        switch (text)
        {
            case "wgs84": return true;
            case "gcj02": sys = CoordSys.Gcj02; return true;
            case "bd09": sys = CoordSys.Bd09; return true;
            case "bd09mc": sys = CoordSys.Bd09Mc; return true;
        }
        // Spaces are first read as part of a name ("百度 墨卡托"), then as separators ("GCJ-02 高德").
        return TryAll(Parts(text, ListSeparators), out sys) || TryAll(Parts(text, [.. ListSeparators, ' ', '\t']), out sys);
    }

    /// <summary>Every part names the same known system.</summary>
    private static bool TryAll(List<string> parts, out CoordSys sys)
    {
        sys = CoordSys.Wgs84;
        if (parts.Count == 0) return false;
        CoordSys? found = null;
        foreach (var part in parts)
        {
            if (!Words.TryGetValue(part, out var s) || (found is { } f && f != s)) return false;
            found = s;
        }
        sys = found!.Value;
        return true;
    }

    private static readonly char[] ListSeparators = ['(', ')', '[', ']', '/', '、', '|', ',', ';'];

    /// <summary>The words of a name: the text outside brackets and each bracketed gloss, split on the separators
    /// (full-width ones are made half-width first: "，" is ",").</summary>
    private static List<string> Parts(string? text, char[] separators)
    {
        var s = Fullwidth.ToHalfwidth(text ?? "").Replace('【', '[').Replace('】', ']');
        var pieces = s.Split(separators, StringSplitOptions.RemoveEmptyEntries);
        return pieces.Select(Key).Where(k => k.Length > 0).ToList();
    }

    /// <summary>Lower case without spaces, "-", "_", "." and the words 坐标系/坐标/经纬度 ("GPS坐标" → "gps").</summary>
    internal static string Key(string text)
    {
        var s = Fullwidth.ToHalfwidth(text).Trim().ToLowerInvariant();
        foreach (var noise in new[] { "坐标系统", "坐标系", "坐标", "经纬度", "系统" }) s = s.Replace(noise, "");
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
            if (!char.IsWhiteSpace(c) && c is not ('-' or '_' or '.' or ':' or '\uFEFF')) sb.Append(c);
        return sb.ToString();
    }
}
