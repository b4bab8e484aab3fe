using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StationMap.Auth;
using StationMap.Data;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.IntegrationTests.Pages;
using StationMap.Samples;

namespace StationMap.IntegrationTests.Cluster;

/// <summary>
/// A PostgreSQL primary and a streaming hot standby of its own (scripts/pg.sh + scripts/pg-standby.sh:
/// pg_basebackup -R with a replication slot), migrated and seeded with the Beijing sample before the copy.
/// Ports: STATIONMAP_TEST_PAIR_PORTS ("primary,standby"), else two ports free at the time (fixed ports collided
/// with other servers on a shared machine, and pg.sh takes a server already on its port for its own).
/// </summary>
public sealed class StandbyPairFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(PagePaths.RepoRoot, ".local", "pgpair-test");
    private string PrimaryDir => Path.Combine(_dir, "primary");
    private string StandbyDir => Path.Combine(_dir, "standby");

    public int PrimaryPort { get; }
    public int StandbyPort { get; }

    public StandbyPairFixture()
    {
        var ports = Environment.GetEnvironmentVariable("STATIONMAP_TEST_PAIR_PORTS");
        if (!string.IsNullOrEmpty(ports))
        {
            var parts = ports.Split(',');
            (PrimaryPort, StandbyPort) = (int.Parse(parts[0]), int.Parse(parts[1]));
        }
        else
        {
            (PrimaryPort, StandbyPort) = (RepoScripts.FreePort(), RepoScripts.FreePort());
            while (StandbyPort == PrimaryPort) StandbyPort = RepoScripts.FreePort();
        }
    }

    /// <summary>Both hosts, as the application is configured in a cluster.</summary>
    public string ConnectionString =>
        $"Host=127.0.0.1:{PrimaryPort},127.0.0.1:{StandbyPort};Username=postgres;Database=stationmap;Host Recheck Seconds=2";

    public string PrimaryOnly => $"Host=127.0.0.1;Port={PrimaryPort};Username=postgres;Database=stationmap";
    public string StandbyOnly => $"Host=127.0.0.1;Port={StandbyPort};Username=postgres;Database=stationmap";

    public async Task InitializeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        await RepoScripts.RunAsync("pg.sh", "start", PrimaryDir, PrimaryPort.ToString(), "throwaway");
        await using (var server = new NpgsqlConnection($"Host=127.0.0.1;Port={PrimaryPort};Username=postgres;Database=postgres"))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE stationmap", server);
            await create.ExecuteNonQueryAsync();
        }
        await using (var ds = StationMapDataSource.Create(PrimaryOnly))
        {
            await using (var ext = ds.CreateCommand("CREATE EXTENSION postgis")) await ext.ExecuteNonQueryAsync();
            await using (var db = StationMapDataSource.CreateDb(ds)) await db.Database.MigrateAsync();
            await SampleSeeder.LoadAsync(ds, SampleStationGenerator.Beijing());
        }
        await RepoScripts.RunAsync("pg-standby.sh", "start", PrimaryDir, PrimaryPort.ToString(), StandbyDir, StandbyPort.ToString());
        await ExpectOwnServerAsync(PrimaryOnly, PrimaryDir);
        await ExpectOwnServerAsync(StandbyOnly, StandbyDir);
    }

    /// <summary>Fails with a clear message when another server answers on the port instead of the one started here.</summary>
    private static async Task ExpectOwnServerAsync(string connectionString, string dir)
    {
        var dataDirectory = await ScalarAsync<string>(connectionString, "SHOW data_directory");
        if (Path.GetFullPath(dataDirectory) != Path.GetFullPath(Path.Combine(dir, "data")))
            throw new InvalidOperationException($"{connectionString} is served from {dataDirectory}, not {dir}: the port is taken by another server");
    }

    /// <summary>An API instance configured with both hosts, like each instance behind the balancer.</summary>
    public WebApplicationFactory<Program> NewInstance(params (string Key, string? Value)[] settings) =>
        TestApp.Over(ConnectionString, settings);

    public async Task<HttpClient> StaffAsync(WebApplicationFactory<Program> instance, StaffRole role, string orgAdcode)
    {
        await using var ds = StationMapDataSource.Create(PrimaryOnly);
        await using var db = StationMapDataSource.CreateDb(ds);
        var (key, _) = await new StaffKeyStore(db).CreateAsync(orgAdcode, role, "cluster test", "test");
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAsync();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private async Task StopAsync()
    {
        await RepoScripts.RunAsync("pg.sh", "stop", StandbyDir);
        await RepoScripts.RunAsync("pg.sh", "stop", PrimaryDir);
    }
}
