using System.Net;
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
    private ThrowawayCluster _cluster = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _cluster = await ThrowawayCluster.StartAsync("outage");
        _connectionString = _cluster.ConnectionString("outage");
        await using var ds = StationMapDataSource.Create(_connectionString);
        await SampleSeeder.LoadAsync(ds, SampleStationGenerator.Beijing().Take(300));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Nearest_answers_from_the_stale_index_while_the_database_is_down_and_recovers_without_a_restart()
    {
        await using var factory = TestApp.Over(_connectionString, ("Nearby:ReconnectSeconds", "0.5"));
        var client = factory.CreateClient();
        Assert.True(await Eventually(async () => NearestPath(await client.GetAsync($"/api/v1/stations/nearest?{Spot}")) == "index"), "the index never loaded");
        var fresh = await client.GetAsync($"/api/v1/stations/nearest?{Spot}");
        Assert.False(fresh.Headers.Contains("X-Data-Stale"));

        await _cluster.StopAsync();
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

        await _cluster.StartAsync();
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
}
