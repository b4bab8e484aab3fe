namespace StationMap.Geo;

/// <summary>
/// Geodesic distance on the WGS-84 spheroid (Vincenty's inverse formula, ~0.1 mm), the same metric as
/// PostGIS ST_Distance(geography). Also the bounds that let a sphere-ordered search stay exact.
/// </summary>
public static class SpheroidDistance
{
    private const double A = 6378137.0, F = 1 / 298.257223563, B = A * (1 - F);

    /// <summary>PostGIS's sphere radius for geography &lt;-&gt; (mean Earth radius).</summary>
    public const double SphereRadius = 6371008.8;

    /// <summary>
    /// Spheroid distance ÷ sphere distance is always above this: the smallest radius of curvature
    /// on WGS-84 (b²/a ≈ 6,335,439 m) over the sphere radius, less a safety margin.
    /// </summary>
    public const double MinSpheroidToSphereRatio = 0.994;

    public static double Metres(double lng1, double lat1, double lng2, double lat2)
    {
        if (lng1 == lng2 && lat1 == lat2) return 0;
        double L = ToRad(lng2 - lng1);
        double u1 = Math.Atan((1 - F) * Math.Tan(ToRad(lat1))), u2 = Math.Atan((1 - F) * Math.Tan(ToRad(lat2)));
        double sinU1 = Math.Sin(u1), cosU1 = Math.Cos(u1), sinU2 = Math.Sin(u2), cosU2 = Math.Cos(u2);
        double lambda = L, sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM;
        int iterations = 0;
        while (true)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            double t1 = cosU2 * sinLambda, t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            sinSigma = Math.Sqrt(t1 * t1 + t2 * t2);
            if (sinSigma == 0) return 0;
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSqAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
            double previous = lambda;
            lambda = L + (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - previous) < 1e-12) break;
            // Nearly antipodal points do not converge; they never occur between a worker and a station.
            if (++iterations > 200) return Sphere(lng1, lat1, lng2, lat2);
        }
        double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
        double a = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double b = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma = b * sinSigma * (cos2SigmaM + b / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - b / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return B * a * (sigma - deltaSigma);
    }

    /// <summary>Great-circle distance on the PostGIS sphere.</summary>
    public static double Sphere(double lng1, double lat1, double lng2, double lat2)
    {
        double p1 = ToRad(lat1), p2 = ToRad(lat2), dp = p2 - p1, dl = ToRad(lng2 - lng1);
        double h = Math.Sin(dp / 2) * Math.Sin(dp / 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * SphereRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double ToRad(double deg) => deg * (Math.PI / 180);
}
