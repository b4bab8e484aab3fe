using System.Collections.Concurrent;

namespace StationMap.Api.Tiles;

/// <summary>A made tile, also gzipped once (browsers ask for it; tiles shrink to about a third), with its content-hash ETag.</summary>
internal sealed record Tile(byte[] Bytes, byte[] Gzipped, string ETag, DateTime MadeAt);

/// <summary>
/// Tiles of one data version in memory, for every tile set made from station data (the stations; each coverage
/// analysis's gap cells), each set named by a key that holds all its parameters. A new version starts an empty cache; an entry is also dropped after
/// <see cref="MaxAge"/> as a backstop. Bounded in bytes: full means start over.
/// </summary>
internal sealed class TileCache(StationDataVersion version, Microsoft.Extensions.Options.IOptions<TilesOptions> options)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);
    private const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>What an entry holds besides its bytes (key, record, arrays, ETag): most tiles anyone can ask for are
    /// empty (sea, desert), so the bound must count them by more than their few bytes.</summary>
    internal const int EntryOverhead = 256;

    internal static long Charge(Tile tile) => EntryOverhead + tile.Bytes.Length + tile.Gzipped.Length;

    private sealed record Generation(long Version, ConcurrentDictionary<(string, int, int, int), Tile> Tiles)
    {
        public long Bytes;
    }

    private Generation _current = new(0, new());

    private readonly bool _enabled = options.Value.Cache;

    /// <summary>
    /// The cached tile of a set, else one made now and kept while the data version is trusted (<see cref="StationDataVersion"/>)
    /// and <c>Tiles:Cache</c> is on. A null (a tile refused) is not kept.
    /// </summary>
    public async Task<Tile?> GetOrMakeAsync(string set, int z, int x, int y, Func<Task<Tile?>> make)
    {
        var trusted = _enabled && version.Trusted;
        var v = version.Current; // read before making: a change during the making leaves the tile under the older version
        if (trusted && Get(v, set, z, x, y) is { } hit) return hit;
        var tile = await make();
        if (trusted && tile is not null) Put(v, set, z, x, y, tile);
        return tile;
    }

    public Tile? Get(long version, string set, int z, int x, int y)
    {
        var g = _current;
        return g.Version == version && g.Tiles.TryGetValue((set, z, x, y), out var t) && DateTime.UtcNow - t.MadeAt < MaxAge ? t : null;
    }

    public void Put(long version, string set, int z, int x, int y, Tile tile)
    {
        var g = _current;
        if (version < g.Version) return; // made from older data while a change arrived
        if (g.Version != version || Interlocked.Read(ref g.Bytes) > MaxBytes)
        {
            g = new Generation(version, new());
            _current = g;
        }
        if (g.Tiles.TryAdd((set, z, x, y), tile)) Interlocked.Add(ref g.Bytes, Charge(tile));
        else g.Tiles[(set, z, x, y)] = tile;
    }
}
