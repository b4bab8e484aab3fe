namespace StationMap.Nearby;

/// <summary>Straight-line estimates, as the 双15 programme counts them: 1 km = 15 minutes' walk.</summary>
public static class TravelTime
{
    public const double WalkMetresPerMinute = 1000.0 / 15;
    public const double EbikeMetresPerMinute = 15_000.0 / 60; // 15 km/h, the low end of e-bike speed

    public static int WalkMinutes(double metres) => (int)Math.Ceiling(metres / WalkMetresPerMinute);
    public static int EbikeMinutes(double metres) => (int)Math.Ceiling(metres / EbikeMetresPerMinute);
}
