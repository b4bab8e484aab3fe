using System.Collections.Concurrent;

namespace StationMap.Api.Tiles;

/// <summary>A made tile, also gzipped once (browsers ask for it; tiles shrink to about a third), with its content-hash ETag.</summary>
internal sealed record Tile(byte[] Bytes, byte[] Gzipped, string ETag, DateTime MadeAt);

/// <summary>
/// Tiles of one data version in memory. A new version starts an empty cache; an entry is also dropped after
/// <see cref="MaxAge"/> as a backstop. Bounded in bytes: full means start over.
/// </summary>
internal sealed class TileCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);
    private const long MaxBytes = 256L * 1024 * 1024;

    private sealed record Generation(long Version, ConcurrentDictionary<(int, int, int), Tile> Tiles)
    {
        public long Bytes;
    }

    private Generation _current = new(0, new());

    public Tile? Get(long version, int z, int x, int y)
    {
        var g = _current;
        return g.Version == version && g.Tiles.TryGetValue((z, x, y), out var t) && DateTime.UtcNow - t.MadeAt < MaxAge ? t : null;
    }

    public void Put(long version, int z, int x, int y, Tile tile)
    {
        var g = _current;
        if (version < g.Version) return; // made from older data while a change arrived
        if (g.Version != version || Interlocked.Read(ref g.Bytes) > MaxBytes)
        {
            g = new Generation(version, new());
            _current = g;
        }
        if (g.Tiles.TryAdd((z, x, y), tile)) Interlocked.Add(ref g.Bytes, tile.Bytes.Length + tile.Gzipped.Length);
        else g.Tiles[(z, x, y)] = tile;
    }
}
