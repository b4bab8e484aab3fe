using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StationMap.Data;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.Samples;

namespace StationMap.IntegrationTests.Nearby;

/// <summary>
/// A cluster of its own (the shared test server must stay up for everyone else), stopped and started again
/// under a running API: /nearest keeps answering from the last index, marked stale, /health/ready says the
/// database is down but stays 200, and both recover without a restart.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const string Spot = "lng=116.3975&lat=39.9087";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"stationmap-outage-{Guid.NewGuid():N}"[..32]);
    private readonly int _port = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString).Port + 1000;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        await Cluster("start", _dir, _port.ToString(), "throwaway");
        _connectionString = (await Cluster("ensure-db", _dir, _port.ToString(), "outage")).Trim() + ";Timeout=3";
        await using var ds = StationMapDataSource.Create(_connectionString);
        await using (var db = StationMapDataSource.CreateDb(ds)) await db.Database.MigrateAsync();
        await SampleSeeder.LoadAsync(ds, SampleStationGenerator.Beijing().Take(300));
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Cluster("stop", _dir);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Nearest_answers_from_the_stale_index_while_the_database_is_down_and_recovers_without_a_restart()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:StationMap", _connectionString);
            b.UseSetting("Nearby:ReconnectSeconds", "0.5");
            b.UseSetting("RateLimits:MaxQueuedWork", "1000000");
        });
        var client = factory.CreateClient();
        Assert.True(await Eventually(async () => NearestPath(await client.GetAsync($"/api/v1/stations/nearest?{Spot}")) == "index"), "the index never loaded");
        var fresh = await client.GetAsync($"/api/v1/stations/nearest?{Spot}");
        Assert.False(fresh.Headers.Contains("X-Data-Stale"));

        await Cluster("stop", _dir);
        Assert.True(await Eventually(async () => (await client.GetAsync($"/api/v1/stations/nearest?{Spot}")).Headers.Contains("X-Data-Stale")),
            "never marked stale");
        var stale = await client.GetAsync($"/api/v1/stations/nearest?{Spot}&limit=3");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("true", stale.Headers.GetValues("X-Data-Stale").Single());
        Assert.Equal(3, (await stale.JsonAsync()).GetProperty("results").GetArrayLength());

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var serving = (await ready.JsonAsync()).GetProperty("checks").GetProperty("serving");
        Assert.Equal("Degraded", serving.GetProperty("status").GetString());
        Assert.Equal("down", serving.GetProperty("data").GetProperty("database").GetString());
        Assert.True(serving.GetProperty("data").GetProperty("indexStale").GetBoolean());

        await Cluster("start", _dir, _port.ToString(), "throwaway");
        Assert.True(await Eventually(async () => !(await client.GetAsync($"/api/v1/stations/nearest?{Spot}")).Headers.Contains("X-Data-Stale")),
            "still stale after the database came back");
        var back = await (await client.GetAsync("/health/ready")).JsonAsync();
        Assert.Equal("Healthy", back.GetProperty("status").GetString());
    }

    private static string? NearestPath(HttpResponseMessage r) => r.Headers.TryGetValues("X-Nearest-Path", out var v) ? v.Single() : null;

    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Runs scripts/pg.sh, the same script `make run` and `make test` use.</summary>
    private static async Task<string> Cluster(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script());
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg.sh {string.Join(' ', args)} failed: {error}");
        return output;
    }

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "pg.sh"))) return Path.Combine(dir.FullName, "scripts", "pg.sh");
        throw new FileNotFoundException("scripts/pg.sh not found above the test output folder");
    }
}
