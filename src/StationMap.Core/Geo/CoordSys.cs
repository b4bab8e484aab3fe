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

    /// <summary>Parses the names staff and SDKs use ("wgs84", "WGS-84", "gps", "gcj02", "amap", "bd09ll", ...).</summary>
    public static bool TryParse(string? text, out CoordSys sys)
    {
        var key = (text ?? "").Trim().ToLowerInvariant().Replace("-", "").Replace("_", "").Replace(" ", "");
        (bool ok, sys) = key switch
        {
            "wgs84" or "wgs" or "gps" or "epsg4326" or "4326" => (true, CoordSys.Wgs84),
            "gcj02" or "gcj" or "amap" or "autonavi" or "gaode" or "高德" or "火星坐标" or "tencent" => (true, CoordSys.Gcj02),
            "bd09" or "bd09ll" or "baidu" or "百度" => (true, CoordSys.Bd09),
            "bd09mc" or "baidumercator" => (true, CoordSys.Bd09Mc),
            _ => (false, CoordSys.Wgs84),
        };
        return ok;
    }
}
