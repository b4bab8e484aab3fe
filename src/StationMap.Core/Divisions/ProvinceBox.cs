namespace StationMap.Divisions;

/// <summary>A generous, hand-made bounding box of one province (WGS-84 degrees); see data/divisions/SOURCE.md.</summary>
public sealed record ProvinceBox(string Code, string Name, double MinLng, double MinLat, double MaxLng, double MaxLat)
{
    private const double EarthRadiusKm = 6371.0088;

    public bool Contains(double lng, double lat) =>
        lng >= MinLng && lng <= MaxLng && lat >= MinLat && lat <= MaxLat;

    /// <summary>Great-circle distance from the point to the nearest point of the box; 0 inside.</summary>
    public double DistanceKm(double lng, double lat)
    {
        double nearLng = Math.Clamp(lng, MinLng, MaxLng), nearLat = Math.Clamp(lat, MinLat, MaxLat);
        return Haversine(lng, lat, nearLng, nearLat);
    }

    private static double Haversine(double lng1, double lat1, double lng2, double lat2)
    {
        double dLat = double.DegreesToRadians(lat2 - lat1), dLng = double.DegreesToRadians(lng2 - lng1);
        double a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
