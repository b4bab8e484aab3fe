namespace StationMap.Geo;

/// <summary>
/// Allocation-free conversions for hot loops. Every offset conversion first asks
/// <see cref="ChinaRegion.IsInOffsetRegion"/> about its <em>input</em>; outside China it returns the input.
/// GCJ-02→WGS-84 and BD-09→GCJ-02 iterate to far below a millimetre (never the one-step approximation).
/// bd09mc values are Baidu Mercator metres (x, y) in the lng/lat slots; the projection itself applies everywhere.
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
        if (ChinaRegion.IsInOffsetRegion(lng, lat)) GcjOffset.GcjToWgs(lng, lat, out wLng, out wLat);
        else (wLng, wLat) = (lng, lat);
    }

    public static void Gcj02ToBd09(double lng, double lat, out double bLng, out double bLat)
    {
        if (ChinaRegion.IsInOffsetRegion(lng, lat)) GcjOffset.GcjToBd(lng, lat, out bLng, out bLat);
        else (bLng, bLat) = (lng, lat);
    }

    public static void Bd09ToGcj02(double lng, double lat, out double gLng, out double gLat)
    {
        if (ChinaRegion.IsInOffsetRegion(lng, lat)) GcjOffset.BdToGcj(lng, lat, out gLng, out gLat);
        else (gLng, gLat) = (lng, lat);
    }

    public static void Wgs84ToBd09(double lng, double lat, out double bLng, out double bLat)
    {
        if (!ChinaRegion.IsInOffsetRegion(lng, lat)) { (bLng, bLat) = (lng, lat); return; }
        GcjOffset.WgsToGcj(lng, lat, out var gLng, out var gLat);
        GcjOffset.GcjToBd(gLng, gLat, out bLng, out bLat);
    }

    public static void Bd09ToWgs84(double lng, double lat, out double wLng, out double wLat)
    {
        if (!ChinaRegion.IsInOffsetRegion(lng, lat)) { (wLng, wLat) = (lng, lat); return; }
        GcjOffset.BdToGcj(lng, lat, out var gLng, out var gLat);
        GcjOffset.GcjToWgs(gLng, gLat, out wLng, out wLat);
    }

    public static void Bd09ToBd09Mc(double lng, double lat, out double x, out double y) =>
        BaiduMercator.ToMercator(lng, lat, out x, out y);

    public static void Bd09McToBd09(double x, double y, out double lng, out double lat) =>
        BaiduMercator.FromMercator(x, y, out lng, out lat);

    /// <summary>Any system to any other. The offset region is decided once, on the input point.</summary>
    public static void Convert(CoordSys from, CoordSys to, double lng, double lat, out double outLng, out double outLat)
    {
        if (from == to) { (outLng, outLat) = (lng, lat); return; }
        if (from == CoordSys.Bd09Mc)
        {
            BaiduMercator.FromMercator(lng, lat, out lng, out lat);
            from = CoordSys.Bd09;
        }
        var toMercator = to == CoordSys.Bd09Mc;
        var target = toMercator ? CoordSys.Bd09 : to;
        (outLng, outLat) = (lng, lat);
        if (from != target && ChinaRegion.IsInOffsetRegion(lng, lat))
            Shift(from, target, lng, lat, out outLng, out outLat);
        if (toMercator) BaiduMercator.ToMercator(outLng, outLat, out outLng, out outLat);
    }

    private static void Shift(CoordSys from, CoordSys to, double lng, double lat, out double outLng, out double outLat)
    {
        // Walk the chain WGS-84 ↔ GCJ-02 ↔ BD-09 without re-testing the region at each hop.
        if (from == CoordSys.Bd09) { GcjOffset.BdToGcj(lng, lat, out lng, out lat); from = CoordSys.Gcj02; }
        if (from == CoordSys.Wgs84) { GcjOffset.WgsToGcj(lng, lat, out lng, out lat); from = CoordSys.Gcj02; }
        // Now at GCJ-02 (unless from was Wgs84 and to is Wgs84, excluded by the caller).
        switch (to)
        {
            case CoordSys.Wgs84: GcjOffset.GcjToWgs(lng, lat, out outLng, out outLat); break;
            case CoordSys.Bd09: GcjOffset.GcjToBd(lng, lat, out outLng, out outLat); break;
            default: (outLng, outLat) = (lng, lat); break;
        }
    }
}
