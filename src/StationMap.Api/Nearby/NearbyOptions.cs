using System.ComponentModel.DataAnnotations;

namespace StationMap.Api.Nearby;

public sealed class NearbyOptions
{
    public const string Section = "Nearby";

    /// <summary>Serve nearest queries from the in-memory index (default); false = always SQL.</summary>
    public bool UseIndex { get; set; } = true;

    /// <summary>Seconds between reconnection attempts after the notification connection is lost.</summary>
    [Range(0.01, 3600)]
    public double ReconnectSeconds { get; set; } = 1;

    /// <summary>Milliseconds to gather a burst of notifications into one rebuild.</summary>
    [Range(0, 10_000)]
    public int DebounceMilliseconds { get; set; } = 20;

    /// <summary>
    /// Most database connections the SQL path holds; 0 = twice this machine's cores, at least 4. Its query is pure CPU
    /// in PostgreSQL, so more at once only queue there; and Npgsql hands out idle connections first in, first out, so
    /// after a burst a large pool spreads even a quiet period's queries over every backend, each with cold caches.
    /// </summary>
    [Range(0, 1000)]
    public int SqlConnections { get; set; }

    public int SqlConnectionsOrDefault => SqlConnections > 0 ? SqlConnections : Math.Max(4, 2 * Environment.ProcessorCount);
}
