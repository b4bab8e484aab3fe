using Microsoft.EntityFrameworkCore;
using Npgsql;
using StationMap.Data;
using StationMap.IntegrationTests.Pages;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of its own (scripts/pg.sh, a free port, a folder under .local) for tests that stop the
/// server: every other test shares the suite's cluster, which must never go down under them.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private readonly string _dir;
    private readonly int _port;

    private ThrowawayCluster(string dir, int port) => (_dir, _port) = (dir, port);

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Timeout=5;Command Timeout=10";

    /// <summary>Starts a new cluster and creates one migrated database in it.</summary>
    public static async Task<ThrowawayCluster> StartAsync(string database)
    {
        var cluster = new ThrowawayCluster(Path.Combine(PagePaths.RepoRoot, ".local", $"pg-throwaway-{Guid.NewGuid():N}"[..28]), RepoScripts.FreePort());
        await cluster.StartAsync();
        await using (var conn = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        await using (var ds = StationMapDataSource.Create(cluster.ConnectionString(database)))
        await using (var db = StationMapDataSource.CreateDb(ds))
            await db.Database.MigrateAsync();
        return cluster;
    }

    public Task StartAsync() => RepoScripts.RunAsync("pg.sh", "start", _dir, _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "throwaway");

    public Task StopAsync() => RepoScripts.RunAsync("pg.sh", "stop", _dir);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
