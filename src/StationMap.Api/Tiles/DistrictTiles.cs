using System.Collections.Concurrent;
using System.Security.Cryptography;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Simplify;
using Npgsql;
using StationMap.Coverage.Boundaries;

namespace StationMap.Api.Tiles;

/// <summary>
/// Vector tiles of the shipped district boundaries (layer "districts": adcode, name). The outlines live in memory;
/// PostGIS only projects, clips and encodes (ST_AsMVTGeom / ST_AsMVT, as the station tiles do), so no table is
/// needed and a read replica serves them too. The data only changes with a new build: tiles are kept until then.
/// </summary>
internal sealed class DistrictTiles([FromKeyedServices(Data.StationMapDataSource.ServingReads)] NpgsqlDataSource db)
{
    public const string Layer = "districts";
    /// <summary>From here on the shipped vertices (about 30 m apart) are already coarser than a pixel.</summary>
    public const int SimplifyBelowZoom = 12;
    private const long MaxCacheBytes = 64L * 1024 * 1024;

    private const string Sql = $"""
        SELECT ST_AsMVT(t, '{Layer}', 4096, 'geom') FROM (
          SELECT d.adcode, d.name,
                 ST_AsMVTGeom(ST_Transform(ST_GeomFromWKB(d.wkb, 4326), 3857), ST_TileEnvelope(@z, @x, @y), 4096, 64, true) AS geom
          FROM unnest(@adcodes, @names, @wkbs) AS d(adcode, name, wkb)
        ) t WHERE geom IS NOT NULL
        """;

    private readonly IReadOnlyList<DistrictBoundary> _districts = [.. DistrictBoundaries.LoadDefault().All.Where(d => !d.Outline.IsEmpty)];
    private readonly ConcurrentDictionary<(string, int), byte[]> _simplified = new();
    private readonly ConcurrentDictionary<(int, int, int), Tile> _tiles = new();
    private long _cachedBytes;

    public async Task<Tile> GetAsync(int z, int x, int y, CancellationToken ct)
    {
        if (_tiles.TryGetValue((z, x, y), out var hit)) return hit;
        var tile = await MakeAsync(z, x, y, ct);
        if (Interlocked.Read(ref _cachedBytes) > MaxCacheBytes) { _tiles.Clear(); Interlocked.Exchange(ref _cachedBytes, 0); }
        if (_tiles.TryAdd((z, x, y), tile)) Interlocked.Add(ref _cachedBytes, TileCache.Charge(tile));
        return tile;
    }

    private async Task<Tile> MakeAsync(int z, int x, int y, CancellationToken ct)
    {
        var bounds = TileBounds(z, x, y, margin: 64 / 4096.0);
        var inTile = _districts.Where(d => d.Outline.EnvelopeInternal.Intersects(bounds)).ToList();
        byte[] bytes = [];
        if (inTile.Count > 0)
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand(Sql, conn);
            cmd.Parameters.Add(new("z", z));
            cmd.Parameters.Add(new("x", x));
            cmd.Parameters.Add(new("y", y));
            cmd.Parameters.Add(new("adcodes", inTile.Select(d => d.Adcode).ToArray()));
            cmd.Parameters.Add(new("names", inTile.Select(d => d.Name).ToArray()));
            cmd.Parameters.Add(new("wkbs", inTile.Select(d => Outline(d, z)).ToArray()));
            await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            if (await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct)) bytes = await reader.GetFieldValueAsync<byte[]>(0, ct);
        }
        var etag = "\"d" + Convert.ToBase64String(SHA256.HashData(bytes), 0, 12) + "\"";
        return new Tile(bytes, StationTiles.Gzip(bytes), etag, DateTime.UtcNow);
    }

    /// <summary>The outline as WKB, simplified to about a pixel of this zoom (4096 per tile) below <see cref="SimplifyBelowZoom"/>.</summary>
    private byte[] Outline(DistrictBoundary d, int z) => _simplified.GetOrAdd((d.Adcode, Math.Min(z, SimplifyBelowZoom)), key =>
    {
        var geometry = d.Outline;
        if (key.Item2 < SimplifyBelowZoom)
        {
            // A pixel in degrees of longitude; latitude degrees per pixel are smaller by cos(lat) in Web Mercator.
            var pixel = 360.0 / (1L << key.Item2) / 4096 * Math.Cos(geometry.EnvelopeInternal.Centre.Y * Math.PI / 180);
            geometry = TopologyPreservingSimplifier.Simplify(geometry, pixel);
        }
        return new WKBWriter().Write(geometry);
    });

    /// <summary>The tile's WGS-84 box, grown by a share of its size on every side.</summary>
    internal static Envelope TileBounds(int z, int x, int y, double margin)
    {
        var n = (double)(1L << z);
        double Lng(double col) => col / n * 360 - 180;
        double Lat(double row) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * row / n))) * 180 / Math.PI;
        return new Envelope(Lng(x - margin), Lng(x + 1 + margin), Lat(Math.Min(n, y + 1 + margin)), Lat(Math.Max(0, y - margin)));
    }
}
