using System.IO.Compression;
using System.Security.Cryptography;
using Npgsql;

namespace StationMap.Api.Tiles;

/// <summary>Makes station tiles with PostGIS and keeps them per data version.</summary>
internal sealed class StationTiles(
    [FromKeyedServices(Data.StationMapDataSource.ServingReads)] NpgsqlDataSource db, StationDataVersion version, TileCache cache)
{
    public async Task<Tile> GetAsync(int z, int x, int y, CancellationToken ct)
    {
        var trusted = version.Trusted;
        var v = version.Current;
        if (trusted && cache.Get(v, z, x, y) is { } hit) return hit;
        var tile = await MakeAsync(z, x, y, ct);
        if (trusted) cache.Put(v, z, x, y, tile);
        return tile;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(bytes);
        return output.ToArray();
    }

    private async Task<Tile> MakeAsync(int z, int x, int y, CancellationToken ct)
    {
        var metres = StationTileSql.TileMetres(z);
        await using var cmd = db.CreateCommand(z >= StationTileSql.PointZoom ? StationTileSql.Points : StationTileSql.Clusters);
        cmd.Parameters.Add(new("z", z));
        cmd.Parameters.Add(new("x", x));
        cmd.Parameters.Add(new("y", y));
        cmd.Parameters.Add(new("margin", 64 / 4096.0));
        cmd.Parameters.Add(new("seg", 360.0 / (1L << z) / 32));
        if (z < StationTileSql.PointZoom) cmd.Parameters.Add(new("cell", metres / StationTileSql.CellsPerTile));
        var bytes = await cmd.ExecuteScalarAsync(ct) as byte[] ?? [];
        var etag = "\"" + Convert.ToBase64String(SHA256.HashData(bytes), 0, 12) + "\"";
        return new Tile(bytes, Gzip(bytes), etag, DateTime.UtcNow);
    }
}
