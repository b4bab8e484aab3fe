using System.IO.Compression;
using System.Security.Cryptography;
using Npgsql;

namespace StationMap.Api.Tiles;

/// <summary>Makes station tiles with PostGIS and keeps them per data version.</summary>
internal sealed class StationTiles(
    [FromKeyedServices(Data.StationMapDataSource.ServingReads)] NpgsqlDataSource db, TileCache cache)
{
    public const string Set = "stations";

    public async Task<Tile> GetAsync(int z, int x, int y, CancellationToken ct) =>
        (await cache.GetOrMakeAsync(Set, z, x, y, async () => await MakeAsync(z, x, y, ct)))!;

    internal static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(bytes);
        return output.ToArray();
    }

    private async Task<Tile> MakeAsync(int z, int x, int y, CancellationToken ct)
    {
        var metres = StationTileSql.TileMetres(z);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(z >= StationTileSql.PointZoom ? StationTileSql.Points : StationTileSql.Clusters, conn);
        cmd.Parameters.Add(new("z", z));
        cmd.Parameters.Add(new("x", x));
        cmd.Parameters.Add(new("y", y));
        cmd.Parameters.Add(new("margin", 64 / 4096.0));
        cmd.Parameters.Add(new("seg", 360.0 / (1L << z) / 32));
        if (z < StationTileSql.PointZoom) cmd.Parameters.Add(new("cell", metres / StationTileSql.CellsPerTile));
        // Sequential access + an async read: a tile is bigger than Npgsql's buffer, and a synchronous read of the
        // rest would block a pool thread per request.
        await cmd.PrepareAsync(ct); // two statements in all; prepared once per pooled connection (that pool keeps them)
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        var bytes = await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct) ? await reader.GetFieldValueAsync<byte[]>(0, ct) : [];
        var etag = "\"" + Convert.ToBase64String(SHA256.HashData(bytes), 0, 12) + "\"";
        return new Tile(bytes, Gzip(bytes), etag, DateTime.UtcNow);
    }
}
