using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Nearby;

public class NearestIndexFreshnessTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    // A quiet spot in Yanqing, far from the dense centre, so a new station there is unambiguously first.
    private const string Spot = "lng=115.7512&lat=40.5987";

    [Fact]
    public async Task A_new_station_is_served_by_the_index_within_one_second_and_a_closed_one_disappears()
    {
        var client = api.Anonymous();
        await api.WaitForIndexAsync(client);
        var editor = await api.StaffAsync(StaffRole.Editor, "110119");
        var input = SampleInputs.Haidian("YQ-FRESH-1") with { Adcode = "110119", Address = "北京市延庆区测试路1号", Lng = 115.7512, Lat = 40.5987 };
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", input)).StatusCode);

        var elapsed = await TimeUntil(client, first => first == "YQ-FRESH-1");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"visible after {elapsed.TotalMilliseconds} ms");

        await editor.PutJsonAsync("/api/v1/stations/YQ-FRESH-1", input with { Status = "closed", Version = 1 });
        elapsed = await TimeUntil(client, first => first != "YQ-FRESH-1");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"still served {elapsed.TotalMilliseconds} ms after closing");
    }

    [Fact]
    public async Task Losing_the_notification_connection_falls_back_to_sql_then_rebuilds_the_index()
    {
        var client = api.Anonymous();
        await api.WaitForIndexAsync(client);
        await using (var conn = new NpgsqlConnection(api.ConnectionString))
        {
            await conn.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'stationmap-nearby-listener' AND datname = current_database()", conn);
            Assert.NotNull(await kill.ExecuteScalarAsync());
        }
        var sawSql = false;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var r = await client.GetAsync($"/api/v1/stations/nearest?{Spot}");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var path = r.Headers.GetValues("X-Nearest-Path").Single();
            if (path == "sql") sawSql = true;
            if (sawSql && path == "index") return;
            await Task.Delay(10);
        }
        Assert.Fail(sawSql ? "the index was not rebuilt after reconnecting" : "never fell back to SQL");
    }

    [Fact]
    public async Task The_index_can_be_turned_off_by_a_setting()
    {
        using var factory = api.Factory.WithWebHostBuilder(b => b.UseSetting("Nearby:UseIndex", "false"));
        var r = await factory.CreateClient().GetAsync($"/api/v1/stations/nearest?{Spot}");
        Assert.Equal("sql", r.Headers.GetValues("X-Nearest-Path").Single());
    }

    private static async Task<TimeSpan> TimeUntil(HttpClient client, Func<string?, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            var body = await (await client.GetAsync($"/api/v1/stations/nearest?{Spot}&limit=1")).JsonAsync();
            if (condition(body.GetProperty("results")[0].GetProperty("code").GetString())) return watch.Elapsed;
            await Task.Delay(5);
        }
        return watch.Elapsed;
    }
}
