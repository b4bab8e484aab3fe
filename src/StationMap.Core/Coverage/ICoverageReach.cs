using StationMap.Geo;

namespace StationMap.Coverage;

/// <summary>
/// Whether a station serves a place. Radius mode today; a walking-network mode replaces it later. The index only
/// needs <see cref="MaxStraightLineMetres"/>: no place farther than that on the spheroid can be reached.
/// </summary>
public interface ICoverageReach
{
    double MaxStraightLineMetres { get; }
    bool Reaches(double stationLng, double stationLat, double lng, double lat);
}

/// <summary>
/// Distance on the WGS-84 spheroid ≤ R. A local ellipsoidal flat-earth estimate (relative error far below 10⁻⁴
/// at a few km) decides everything but the pairs within a metre of R, which get the exact Vincenty distance.
/// </summary>
public sealed class SpheroidRadius(double radiusMetres) : ICoverageReach
{
    private const double A = 6378137.0, E2 = 0.0066943799901413165, Deg = Math.PI / 180;
    private const double Band = 1.0;

    public double RadiusMetres { get; } = radiusMetres;
    public double MaxStraightLineMetres => RadiusMetres;

    public bool Reaches(double stationLng, double stationLat, double lng, double lat)
    {
        var d = Estimate(stationLng, stationLat, lng, lat);
        if (d < RadiusMetres - Band) return true;
        if (d > RadiusMetres + Band) return false;
        return SpheroidDistance.Metres(stationLng, stationLat, lng, lat) <= RadiusMetres;
    }

    /// <summary>Metres via the meridian (M) and prime-vertical (N) radii of curvature at the mean latitude.</summary>
    internal static double Estimate(double lng1, double lat1, double lng2, double lat2)
    {
        var phi = (lat1 + lat2) / 2 * Deg;
        var sin = Math.Sin(phi);
        var w = 1 - E2 * sin * sin;
        var n = A / Math.Sqrt(w);
        var m = n * (1 - E2) / w;
        double dy = (lat2 - lat1) * Deg * m, dx = (lng2 - lng1) * Deg * n * Math.Cos(phi);
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
