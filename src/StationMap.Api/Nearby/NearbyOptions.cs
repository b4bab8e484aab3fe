namespace StationMap.Api.Nearby;

public sealed class NearbyOptions
{
    public const string Section = "Nearby";

    /// <summary>Serve nearest queries from the in-memory index (default); false = always SQL.</summary>
    public bool UseIndex { get; set; } = true;

    /// <summary>Seconds between reconnection attempts after the notification connection is lost.</summary>
    public double ReconnectSeconds { get; set; } = 1;

    /// <summary>Milliseconds to gather a burst of notifications into one rebuild.</summary>
    public int DebounceMilliseconds { get; set; } = 20;

    /// <summary>
    /// Megabytes of ready-made result JSON kept for the stations people are near (about 0.6 KB each, so the default
    /// holds about 100k stations); 0 = make every result from scratch.
    /// </summary>
    public int ResultJsonCacheMegabytes { get; set; } = 64;
}
