using System.Diagnostics;
using NetTopologySuite.Geometries;
using NpgsqlTypes;
using StationMap.Data;
using StationMap.Samples;

namespace StationMap.Benchmarks.Feeds;

/// <summary>
/// `feeds-seed CONNECTION COUNT`: migrates a scratch database and loads COUNT synthetic national stations
/// (Samples.China) through binary COPY, for bench/feeds.sh.
/// </summary>
internal static class FeedsSeed
{
    public static async Task<int> RunAsync(string connectionString, int count)
    {
        var clock = Stopwatch.StartNew();
        await using var dataSource = StationMapDataSource.Create(connectionString);
        await using (var db = StationMapDataSource.CreateDb(dataSource))
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
        await using var conn = await dataSource.OpenConnectionAsync();
        await using (var truncate = new Npgsql.NpgsqlCommand("TRUNCATE stations, publication_records, export_files, export_batches RESTART IDENTITY CASCADE", conn))
            await truncate.ExecuteNonQueryAsync();
        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY stations (code, name, address, adcode, location, submitted_lng, submitted_lat, submitted_coord_sys, type, area_m2,
              services, opening_hours, phone, host_organization, host_kind, is_public, status, photos, notes,
              created_at, created_by, updated_at, updated_by, version) FROM STDIN (FORMAT BINARY)
            """);
        var now = DateTimeOffset.UtcNow;
        foreach (var r in SampleStationGenerator.China(count, seed: 2026))
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(r.Code, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.Name, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.Address, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.Adcode, NpgsqlDbType.Char);
            await copy.WriteAsync(new Point(r.Lng, r.Lat) { SRID = 4326 }, NpgsqlDbType.Geography);
            await copy.WriteAsync(r.Lng, NpgsqlDbType.Double);
            await copy.WriteAsync(r.Lat, NpgsqlDbType.Double);
            await copy.WriteAsync(r.CoordSys, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.Type, NpgsqlDbType.Varchar);
            await copy.WriteAsync((decimal)Math.Round(r.AreaM2, 1), NpgsqlDbType.Numeric);
            await copy.WriteAsync(r.Services.Split(',', StringSplitOptions.RemoveEmptyEntries), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await copy.WriteAsync(r.Hours.Length > 200 ? r.Hours[..200] : r.Hours, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.Phone, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.Host, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.HostKind, NpgsqlDbType.Varchar);
            await copy.WriteAsync(r.Public, NpgsqlDbType.Boolean);
            await copy.WriteAsync(r.Status, NpgsqlDbType.Varchar);
            await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await copy.WriteAsync(r.Notes, NpgsqlDbType.Varchar);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
            await copy.WriteAsync(1, NpgsqlDbType.Integer);
        }
        await copy.CompleteAsync();
        await copy.DisposeAsync();
        await using (var analyze = new Npgsql.NpgsqlCommand("ANALYZE stations", conn))
            await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"seeded {count} stations in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
