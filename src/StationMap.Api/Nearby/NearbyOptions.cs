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
}
