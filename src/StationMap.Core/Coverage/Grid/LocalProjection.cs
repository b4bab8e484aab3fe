namespace StationMap.Coverage.Grid;

/// <summary>
/// Transverse Mercator on the WGS-84 ellipsoid (Snyder's series, sub-millimetre within a few degrees of the
/// central meridian), centred on a district: x east and y north in metres from its centre, scale 1 on the meridian.
/// </summary>
public sealed class LocalProjection
{
    private const double A = 6378137.0, F = 1 / 298.257223563;
    private static readonly double E2 = F * (2 - F), Ep2 = E2 / (1 - E2), E4 = E2 * E2, E6 = E4 * E2;
    private static readonly double M1 = 1 - E2 / 4 - 3 * E4 / 64 - 5 * E6 / 256, M2 = 3 * E2 / 8 + 3 * E4 / 32 + 45 * E6 / 1024,
        M3 = 15 * E4 / 256 + 45 * E6 / 1024, M4 = 35 * E6 / 3072;
    private static readonly double E1 = (1 - Math.Sqrt(1 - E2)) / (1 + Math.Sqrt(1 - E2));
    private const double MeanRadius = 6371008.8, Deg = Math.PI / 180;

    private readonly double _lng0, _m0;

    public LocalProjection(double centreLng, double centreLat)
    {
        CentreLng = centreLng;
        CentreLat = centreLat;
        _lng0 = centreLng * Deg;
        _m0 = Meridian(centreLat * Deg);
    }

    public double CentreLng { get; }
    public double CentreLat { get; }

    public void Forward(double lng, double lat, out double x, out double y)
    {
        double phi = lat * Deg, sin = Math.Sin(phi), cos = Math.Cos(phi), tan = sin / cos;
        double n = A / Math.Sqrt(1 - E2 * sin * sin), t = tan * tan, c = Ep2 * cos * cos, a = (lng * Deg - _lng0) * cos;
        double a2 = a * a;
        x = n * a * (1 + a2 / 6 * ((1 - t + c) + a2 / 20 * (5 - 18 * t + t * t + 72 * c - 58 * Ep2)));
        y = Meridian(phi) - _m0 + n * tan * a2 * (0.5 + a2 / 24 * ((5 - t + 9 * c + 4 * c * c) + a2 / 30 * (61 - 58 * t + t * t + 600 * c - 330 * Ep2)));
    }

    public void Inverse(double x, double y, out double lng, out double lat)
    {
        double mu = (_m0 + y) / (A * M1);
        double phi1 = mu + (3 * E1 / 2 - 27 * E1 * E1 * E1 / 32) * Math.Sin(2 * mu) + (21 * E1 * E1 / 16 - 55 * Math.Pow(E1, 4) / 32) * Math.Sin(4 * mu)
            + 151 * E1 * E1 * E1 / 96 * Math.Sin(6 * mu) + 1097 * Math.Pow(E1, 4) / 512 * Math.Sin(8 * mu);
        double sin = Math.Sin(phi1), cos = Math.Cos(phi1), tan = sin / cos;
        double c1 = Ep2 * cos * cos, t1 = tan * tan, w = 1 - E2 * sin * sin;
        double n1 = A / Math.Sqrt(w), r1 = A * (1 - E2) / (w * Math.Sqrt(w)), d = x / n1, d2 = d * d;
        lat = (phi1 - n1 * tan / r1 * d2 * (0.5 - d2 / 24 * ((5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * Ep2)
            - d2 / 30 * (61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * Ep2 - 3 * c1 * c1)))) / Deg;
        lng = (_lng0 + d * (1 - d2 / 6 * ((1 + 2 * t1 + c1) - d2 / 20 * (5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * Ep2 + 24 * t1 * t1))) / cos) / Deg;
    }

    /// <summary>Projected area ÷ true area at easting x (the scale factor squared, k ≈ 1 + x²/2R²).</summary>
    public static double AreaScale(double x)
    {
        var k = 1 + x * x / (2 * MeanRadius * MeanRadius);
        return k * k;
    }

    private static double Meridian(double phi) =>
        A * (M1 * phi - M2 * Math.Sin(2 * phi) + M3 * Math.Sin(4 * phi) - M4 * Math.Sin(6 * phi));
}
