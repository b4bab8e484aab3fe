using Microsoft.EntityFrameworkCore;
using Npgsql;
using StationMap.Data;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>
/// Real PostGIS for tests: one migrated template database per migration set, then one fresh
/// database per test class made from it (CREATE DATABASE ... TEMPLATE takes ~60 ms).
/// A missing server is a failure, never a skip.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("STATIONMAP_TEST_PG")
        ?? throw new InvalidOperationException("STATIONMAP_TEST_PG is not set: run the tests with `make test`, which starts PostGIS.");

    /// <summary>Creates a fresh migrated database and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string purpose)
    {
        var template = await EnsureTemplateAsync();
        var name = $"t_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return WithDatabase(name);
    }

    /// <summary>An empty database with only PostGIS, for testing the migrations themselves.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = $"t_empty_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        await using var conn = new NpgsqlConnection(WithDatabase(name));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("CREATE EXTENSION postgis", conn);
        await cmd.ExecuteNonQueryAsync();
        return WithDatabase(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static string WithDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;

    private static async Task<string> EnsureTemplateAsync()
    {
        if (_template is not null) return _template;
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            await using var probeSource = StationMapDataSource.Create(ServerConnectionString);
            await using var probe = StationMapDataSource.CreateDb(probeSource);
            // Named by the whole migration set: merged branches can share a last migration but not the set.
            var migrations = probe.Database.GetMigrations().ToList();
            var set = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(",", migrations))))[..10];
            var name = $"tmpl_{migrations.Last()[..14]}_{set}".ToLowerInvariant();
            // Another test process may be building the same template: serialise on an advisory lock.
            await using var conn = new NpgsqlConnection(ServerConnectionString);
            await conn.OpenAsync();
            await Scalar(conn, "SELECT pg_advisory_lock(4242)");
            try
            {
                if (await Scalar(conn, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'") is 0L)
                {
                    var building = name + "_build";
                    await Scalar(conn, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
                    await Scalar(conn, $"CREATE DATABASE \"{building}\"");
                    await using (var ds = StationMapDataSource.Create(WithDatabase(building)))
                    await using (var db = StationMapDataSource.CreateDb(ds))
                        await db.Database.MigrateAsync();
                    await Scalar(conn, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
                    await Scalar(conn, $"ALTER DATABASE \"{name}\" IS_TEMPLATE true");
                }
            }
            finally
            {
                await Scalar(conn, "SELECT pg_advisory_unlock(4242)");
            }
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await Scalar(conn, sql);
    }

    private static async Task<object?> Scalar(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }
}
