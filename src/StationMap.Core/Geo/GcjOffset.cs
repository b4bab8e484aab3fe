namespace StationMap.Geo;

/// <summary>The raw GCJ-02 and BD-09 formulas (DOMAIN.md §1), with no region test: callers decide.</summary>
internal static class GcjOffset
{
    private const double A = 6378245.0;              // Krasovsky 1940 semi-major axis
    private const double Ee = 0.00669342162296594323; // its first eccentricity squared
    private const double Deg = Math.PI / 180.0;
    private const double XPi = Math.PI * 3000.0 / 180.0;
    // Iterations stop once a correction is this small. Each step shrinks the error by the offset's slope
    // (under 0.5% for GCJ-02, 0.1% for BD-09), so what remains is below 1e-11° (about 1 µm).
    private const double GcjStop = 1e-9;
    private const double BdStop = 1e-8;
    private const int MaxSteps = 12;

    private const double LatScale = 180.0 / (Math.PI * A * (1.0 - Ee));
    private const double LngScale = 180.0 / (Math.PI * A);

    /// <summary>The GCJ-02 offset at a WGS-84 point, in degrees.</summary>
    public static void Delta(double lng, double lat, out double dLng, out double dLat)
    {
        double x = lng - 105.0, y = lat - 35.0;
        // The ten sines of the formula come from four: sin/cos(πx/12) give πx/3 by two double-angle steps,
        // then πx, 2πx and 6πx by triple- and double-angle identities (likewise for y). Exact to rounding,
        // and the sines are most of the cost.
        var (s12x, c12x) = Math.SinCos(x * (Math.PI / 12.0));
        Quadruple(s12x, c12x, out var s3x, out var c3x);
        var s1x = s3x * (3.0 - 4.0 * s3x * s3x);
        var c1x = c3x * (4.0 * c3x * c3x - 3.0);
        var s2x = 2.0 * s1x * c1x;
        var s6x = s2x * (3.0 - 4.0 * s2x * s2x);
        var (s12y, c12y) = Math.SinCos(y * (Math.PI / 12.0));
        Quadruple(s12y, c12y, out var s3y, out _);
        var s1y = s3y * (3.0 - 4.0 * s3y * s3y);
        var common = (20.0 * s6x + 20.0 * s2x) * (2.0 / 3.0);
        var sqrtAbsX = Math.Sqrt(Math.Abs(x));

        var tLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrtAbsX + common
                   + (20.0 * s1y + 40.0 * s3y) * (2.0 / 3.0)
                   + (160.0 * s12y + 320.0 * Math.Sin(y * (Math.PI / 30.0))) * (2.0 / 3.0);
        var tLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrtAbsX + common
                   + (20.0 * s1x + 40.0 * s3x) * (2.0 / 3.0)
                   + (150.0 * s12x + 300.0 * Math.Sin(x * (Math.PI / 30.0))) * (2.0 / 3.0);

        var (sinLat, cosLat) = Math.SinCos(lat * Deg);
        var m = 1.0 - Ee * sinLat * sinLat;
        var sqrtM = Math.Sqrt(m);
        dLat = tLat * (m * sqrtM) * LatScale;
        dLng = tLng * sqrtM / cosLat * LngScale;
    }

    // sin/cos(4a) from sin/cos(a).
    private static void Quadruple(double s, double c, out double s4, out double c4)
    {
        double s2 = 2.0 * s * c, c2 = 1.0 - 2.0 * s * s;
        s4 = 2.0 * s2 * c2;
        c4 = 1.0 - 2.0 * s2 * s2;
    }

    public static void WgsToGcj(double lng, double lat, out double gLng, out double gLat)
    {
        Delta(lng, lat, out var dLng, out var dLat);
        gLng = lng + dLng;
        gLat = lat + dLat;
    }

    /// <summary>Fixed-point iteration w ← w − (f(w) − g); the offset varies slowly so each step gains ~3 digits.</summary>
    public static void GcjToWgs(double gLng, double gLat, out double lng, out double lat)
    {
        lng = gLng;
        lat = gLat;
        for (var step = 0; step < MaxSteps; step++)
        {
            WgsToGcj(lng, lat, out var fLng, out var fLat);
            double eLng = fLng - gLng, eLat = fLat - gLat;
            lng -= eLng;
            lat -= eLat;
            if (Math.Abs(eLng) < GcjStop && Math.Abs(eLat) < GcjStop) return;
        }
    }

    public static void GcjToBd(double lng, double lat, out double bLng, out double bLat)
    {
        var z = Math.Sqrt(lng * lng + lat * lat) + 0.00002 * Math.Sin(lat * XPi);
        var theta = Math.Atan2(lat, lng) + 0.000003 * Math.Cos(lng * XPi);
        var (sinT, cosT) = Math.SinCos(theta);
        bLng = z * cosT + 0.0065;
        bLat = z * sinT + 0.006;
    }

    /// <summary>Baidu's closed-form inverse (≈0.15 m off), then refined against the forward map.</summary>
    public static void BdToGcj(double bLng, double bLat, out double lng, out double lat)
    {
        double x = bLng - 0.0065, y = bLat - 0.006;
        var z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * XPi);
        var theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * XPi);
        var (sinT, cosT) = Math.SinCos(theta);
        lng = z * cosT;
        lat = z * sinT;
        for (var step = 0; step < MaxSteps; step++)
        {
            GcjToBd(lng, lat, out var fLng, out var fLat);
            double eLng = fLng - bLng, eLat = fLat - bLat;
            lng -= eLng;
            lat -= eLat;
            if (Math.Abs(eLng) < BdStop && Math.Abs(eLat) < BdStop) return;
        }
    }
}
