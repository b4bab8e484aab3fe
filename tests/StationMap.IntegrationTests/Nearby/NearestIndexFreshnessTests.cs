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
    public async Task A_new_station_is_served_by_the_index_and_a_closed_one_disappears()
    {
        var client = api.Anonymous();
        await ApiFixture.WaitForIndexAsync(client);
        var editor = await api.StaffAsync(StaffRole.Editor, "110119");
        var input = SampleInputs.Haidian("YQ-FRESH-1") with { Adcode = "110119", Address = "北京市延庆区测试路1号", Lng = 115.7512, Lat = 40.5987 };
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", input)).StatusCode);

        Assert.True(await Eventually(client, first => first == "YQ-FRESH-1"), "the new station never reached the index");

        await editor.PutJsonAsync("/api/v1/stations/YQ-FRESH-1", input with { Status = "closed", Version = 1 });
        Assert.True(await Eventually(client, first => first != "YQ-FRESH-1"), "the closed station is still served");
    }

    [Fact]
    public async Task Losing_the_notification_connection_keeps_serving_from_the_index_and_picks_up_changes_after_reconnecting()
    {
        var client = api.Anonymous();
        await ApiFixture.WaitForIndexAsync(client);
        await using (var conn = new NpgsqlConnection(api.ConnectionString))
        {
            await conn.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'stationmap-nearby-listener' AND datname = current_database()", conn);
            Assert.NotNull(await kill.ExecuteScalarAsync());
        }
        for (var i = 0; i < 20; i++)
        {
            var r = await client.GetAsync($"/api/v1/stations/nearest?{Spot}");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("index", r.Headers.GetValues("X-Nearest-Path").Single());
        }
        // Reconnected: a change made now reaches the index.
        var editor = await api.StaffAsync(StaffRole.Editor, "110119");
        var input = SampleInputs.Haidian("YQ-FRESH-2") with { Adcode = "110119", Address = "北京市延庆区测试路2号", Lng = 115.7511, Lat = 40.5986 };
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", input)).StatusCode);
        Assert.True(await Eventually(client, first => first == "YQ-FRESH-2"), "changes after reconnecting never reached the index");
    }

    [Fact]
    public async Task The_index_can_be_turned_off_by_a_setting()
    {
        using var factory = api.Factory.WithWebHostBuilder(b => b.UseSetting("Nearby:UseIndex", "false"));
        var r = await factory.CreateClient().GetAsync($"/api/v1/stations/nearest?{Spot}");
        Assert.Equal("sql", r.Headers.GetValues("X-Nearest-Path").Single());
    }

    private static async Task<bool> Eventually(HttpClient client, Func<string?, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var body = await (await client.GetAsync($"/api/v1/stations/nearest?{Spot}&limit=1")).JsonAsync();
            if (condition(body.GetProperty("results")[0].GetProperty("code").GetString())) return true;
            await Task.Delay(20);
        }
        return false;
    }
}
