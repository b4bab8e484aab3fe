namespace StationMap.Geo;

/// <summary>
/// Allocation-free conversions for hot loops; outside offset-region China (<see cref="ChinaRegion"/>) each
/// returns its input. The region is always tested on the <em>less</em> shifted end of the pair (WGS-84 before
/// GCJ-02 before BD-09), so every round trip returns where it started, even at the border.
/// Inverses iterate to far below a millimetre (never the one-step approximation).
/// bd09mc values are Baidu Mercator metres (x, y) in the lng/lat slots; that projection applies everywhere.
/// </summary>
public static class CoordConvert
{
    public static void Wgs84ToGcj02(double lng, double lat, out double gLng, out double gLat)
    {
        if (ChinaRegion.IsInOffsetRegion(lng, lat)) GcjOffset.WgsToGcj(lng, lat, out gLng, out gLat);
        else (gLng, gLat) = (lng, lat);
    }

    public static void Gcj02ToWgs84(double lng, double lat, out double wLng, out double wLat)
    {
        (wLng, wLat) = (lng, lat);
        if (!ChinaRegion.IsNear(lng, lat)) return;
        GcjOffset.GcjToWgs(lng, lat, out var x, out var y);
        if (ChinaRegion.IsInOffsetRegion(x, y)) (wLng, wLat) = (x, y);
    }

    public static void Gcj02ToBd09(double lng, double lat, out double bLng, out double bLat)
    {
        if (ChinaRegion.IsInOffsetRegion(lng, lat)) GcjOffset.GcjToBd(lng, lat, out bLng, out bLat);
        else (bLng, bLat) = (lng, lat);
    }

    public static void Bd09ToGcj02(double lng, double lat, out double gLng, out double gLat)
    {
        (gLng, gLat) = (lng, lat);
        if (!ChinaRegion.IsNear(lng, lat)) return;
        GcjOffset.BdToGcj(lng, lat, out var x, out var y);
        if (ChinaRegion.IsInOffsetRegion(x, y)) (gLng, gLat) = (x, y);
    }

    public static void Wgs84ToBd09(double lng, double lat, out double bLng, out double bLat)
    {
        (bLng, bLat) = (lng, lat);
        if (!ChinaRegion.IsInOffsetRegion(lng, lat)) return;
        GcjOffset.WgsToGcj(lng, lat, out var gLng, out var gLat);
        GcjOffset.GcjToBd(gLng, gLat, out bLng, out bLat);
    }

    public static void Bd09ToWgs84(double lng, double lat, out double wLng, out double wLat)
    {
        (wLng, wLat) = (lng, lat);
        if (!ChinaRegion.IsNear(lng, lat)) return;
        GcjOffset.BdToGcj(lng, lat, out var gLng, out var gLat);
        GcjOffset.GcjToWgs(gLng, gLat, out var x, out var y);
        if (ChinaRegion.IsInOffsetRegion(x, y)) (wLng, wLat) = (x, y);
    }

    public static void Bd09ToBd09Mc(double lng, double lat, out double x, out double y) =>
        BaiduMercator.ToMercator(lng, lat, out x, out y);

    public static void Bd09McToBd09(double x, double y, out double lng, out double lat) =>
        BaiduMercator.FromMercator(x, y, out lng, out lat);

    /// <summary>Any system to any other, through the fast paths above.</summary>
    public static void Convert(CoordSys from, CoordSys to, double lng, double lat, out double outLng, out double outLat)
    {
        if (from == CoordSys.Bd09Mc && to != CoordSys.Bd09Mc)
        {
            BaiduMercator.FromMercator(lng, lat, out lng, out lat);
            from = CoordSys.Bd09;
        }
        var toMercator = to == CoordSys.Bd09Mc && from != CoordSys.Bd09Mc;
        var target = toMercator ? CoordSys.Bd09 : to;
        (outLng, outLat) = (lng, lat);
        switch (from, target)
        {
            case (CoordSys.Wgs84, CoordSys.Gcj02): Wgs84ToGcj02(lng, lat, out outLng, out outLat); break;
            case (CoordSys.Gcj02, CoordSys.Wgs84): Gcj02ToWgs84(lng, lat, out outLng, out outLat); break;
            case (CoordSys.Gcj02, CoordSys.Bd09): Gcj02ToBd09(lng, lat, out outLng, out outLat); break;
            case (CoordSys.Bd09, CoordSys.Gcj02): Bd09ToGcj02(lng, lat, out outLng, out outLat); break;
            case (CoordSys.Wgs84, CoordSys.Bd09): Wgs84ToBd09(lng, lat, out outLng, out outLat); break;
            case (CoordSys.Bd09, CoordSys.Wgs84): Bd09ToWgs84(lng, lat, out outLng, out outLat); break;
        }
        if (toMercator) BaiduMercator.ToMercator(outLng, outLat, out outLng, out outLat);
    }
}
