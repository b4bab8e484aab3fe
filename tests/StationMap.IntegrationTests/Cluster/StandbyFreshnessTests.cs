using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StationMap.Auth;
using StationMap.Data;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Cluster;

/// <summary>
/// Two API instances over a primary and a streaming standby, as behind the balancer: public reads come from the
/// standby, and a station committed on the primary reaches both instances' in-memory nearest index.
/// </summary>
public class StandbyFreshnessTests(StandbyPairFixture pair) : IClassFixture<StandbyPairFixture>
{
    // A quiet spot in Yanqing, far from the dense centre, so a new station there is unambiguously first.
    private const string Spot = "lng=115.7512&lat=40.5987";

    [Fact]
    public async Task A_station_committed_on_the_primary_reaches_nearest_on_both_instances_within_seconds()
    {
        using var first = pair.NewInstance();
        using var second = pair.NewInstance();
        var clients = new[] { first.CreateClient(), second.CreateClient() };
        foreach (var client in clients) await ApiFixture.WaitForIndexAsync(client);

        var editor = await pair.StaffAsync(first, StaffRole.Editor, "110119");
        var input = SampleInputs.Haidian("YQ-CLUSTER-1") with { Adcode = "110119", Address = "北京市延庆区测试路2号", Lng = 115.7512, Lat = 40.5987 };
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", input)).StatusCode);

        // The 2 s target is measured by bench/cluster/freshness.sh; here a bound a loaded CI machine keeps.
        var watch = Stopwatch.StartNew();
        var seen = new bool[clients.Length];
        while (watch.Elapsed < TimeSpan.FromSeconds(5) && !seen.All(s => s))
        {
            for (var i = 0; i < clients.Length; i++)
                seen[i] |= await FirstNearestCodeAsync(clients[i]) == "YQ-CLUSTER-1";
            await Task.Delay(20);
        }
        Assert.True(seen.All(s => s), $"not in /nearest within 5 s on instance(s) {string.Join(",", seen.Select((s, i) => s ? null : (int?)i + 1).OfType<int>())}");

        // The editor reads back from the primary at once; an anonymous reader gets it from the standby once replayed.
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/stations/YQ-CLUSTER-1")).StatusCode);
        Assert.True(await EventuallyAsync(async () => (await clients[1].GetAsync("/api/v1/stations/YQ-CLUSTER-1")).StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Public_reads_use_the_standby_while_writes_and_notifications_use_the_primary()
    {
        using var instance = pair.NewInstance();
        await ApiFixture.WaitForIndexAsync(instance.CreateClient());

        Assert.True(await InRecoveryAsync(instance.Services.GetRequiredKeyedService<NpgsqlDataSource>(StationMapDataSource.PublicReads)));
        Assert.False(await InRecoveryAsync(instance.Services.GetRequiredService<NpgsqlDataSource>()));
        // The index listens on the primary: NOTIFY is not delivered on a standby.
        Assert.True(await StandbyPairFixture.ScalarAsync<long>(pair.PrimaryOnly,
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'stationmap-nearby-listener'") >= 1);

        // Anonymous reads are answered from the standby: with its replay paused, a station just committed on the
        // primary is there for the editor (primary) and not yet for an anonymous reader, until replay resumes.
        var editor = await pair.StaffAsync(instance, StaffRole.Editor, "110119");
        var anonymous = instance.CreateClient();
        await StandbyPairFixture.ExecuteAsync(pair.StandbyOnly, "SELECT pg_wal_replay_pause()");
        try
        {
            var input = SampleInputs.Haidian("YQ-CLUSTER-2") with { Adcode = "110119", Address = "北京市延庆区测试路3号", Lng = 115.7612, Lat = 40.5887 };
            Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", input)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/stations/YQ-CLUSTER-2")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/stations/YQ-CLUSTER-2")).StatusCode);
        }
        finally
        {
            await StandbyPairFixture.ExecuteAsync(pair.StandbyOnly, "SELECT pg_wal_replay_resume()");
        }
        Assert.True(await EventuallyAsync(async () => (await anonymous.GetAsync("/api/v1/stations/YQ-CLUSTER-2")).StatusCode == HttpStatusCode.OK),
            "the standby never showed the station after replay resumed");
    }

    [Fact]
    public async Task The_sql_nearest_path_reads_from_the_standby()
    {
        using var instance = pair.NewInstance(("Nearby:UseIndex", "false"));
        var r = await instance.CreateClient().GetAsync($"/api/v1/stations/nearest?{Spot}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("sql", r.Headers.GetValues("X-Nearest-Path").Single());
        Assert.True(await StandbyPairFixture.ScalarAsync<long>(pair.StandbyOnly,
            "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE '%" + StationMapDataSource.NearestSuffix + "'") >= 1);
    }

    private static async Task<bool> InRecoveryAsync(NpgsqlDataSource source)
    {
        await using var cmd = source.CreateCommand("SELECT pg_is_in_recovery()");
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<string?> FirstNearestCodeAsync(HttpClient client)
    {
        var body = await (await client.GetAsync($"/api/v1/stations/nearest?{Spot}&limit=1")).JsonAsync();
        return body.GetProperty("results")[0].GetProperty("code").GetString();
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(50);
        }
        return false;
    }
}
