namespace StationMap.Geo;

/// <summary>The raw GCJ-02 and BD-09 formulas (DOMAIN.md §1), with no region test: callers decide.</summary>
internal static class GcjOffset
{
    private const double A = 6378245.0;              // Krasovsky 1940 semi-major axis
    private const double Ee = 0.00669342162296594323; // its first eccentricity squared
    private const double Deg = Math.PI / 180.0;
    private const double XPi = Math.PI * 3000.0 / 180.0;
    private const double Tolerance = 1e-11;           // degrees, about 1 µm: far below the 1 mm promise
    private const int MaxSteps = 12;

    /// <summary>The GCJ-02 offset at a WGS-84 point, in degrees.</summary>
    public static void Delta(double lng, double lat, out double dLng, out double dLat)
    {
        double x = lng - 105.0, y = lat - 35.0;
        // sin(πx), sin(2πx), sin(6πx) come from one SinCos(πx/3) by the triple- and double-angle identities;
        // exact to rounding and it saves four of the ten sines, which dominate the cost.
        var (s3x, c3x) = Math.SinCos(x * Math.PI / 3.0);
        var s1x = s3x * (3.0 - 4.0 * s3x * s3x);
        var c1x = c3x * (4.0 * c3x * c3x - 3.0);
        var s2x = 2.0 * s1x * c1x;
        var s6x = s2x * (3.0 - 4.0 * s2x * s2x);
        var s3y = Math.Sin(y * Math.PI / 3.0);
        var s1y = s3y * (3.0 - 4.0 * s3y * s3y);
        var common = (20.0 * s6x + 20.0 * s2x) * 2.0 / 3.0;
        var sqrtAbsX = Math.Sqrt(Math.Abs(x));

        var tLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrtAbsX + common
                   + (20.0 * s1y + 40.0 * s3y) * 2.0 / 3.0
                   + (160.0 * Math.Sin(y * Math.PI / 12.0) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        var tLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrtAbsX + common
                   + (20.0 * s1x + 40.0 * s3x) * 2.0 / 3.0
                   + (150.0 * Math.Sin(x * Math.PI / 12.0) + 300.0 * Math.Sin(x * Math.PI / 30.0)) * 2.0 / 3.0;

        var (sinLat, cosLat) = Math.SinCos(lat * Deg);
        var m = 1.0 - Ee * sinLat * sinLat;
        var sqrtM = Math.Sqrt(m);
        dLat = tLat * 180.0 / (A * (1.0 - Ee) / (m * sqrtM) * Math.PI);
        dLng = tLng * 180.0 / (A / sqrtM * cosLat * Math.PI);
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
            if (Math.Abs(eLng) < Tolerance && Math.Abs(eLat) < Tolerance) return;
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
            if (Math.Abs(eLng) < Tolerance && Math.Abs(eLat) < Tolerance) return;
        }
    }
}
