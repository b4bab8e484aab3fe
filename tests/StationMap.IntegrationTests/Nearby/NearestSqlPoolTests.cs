using System.Net;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using StationMap.Data;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Nearby;

/// <summary>The SQL path holds at most Nearby:SqlConnections connections; a bigger burst queues for them instead of failing.</summary>
public class NearestSqlPoolTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    [Fact]
    public async Task A_burst_bigger_than_the_sql_paths_connections_is_answered_in_full_through_at_most_that_many()
    {
        const string name = "pool-test";
        using var factory = api.Factory.WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:StationMap", api.ConnectionString + $";Application Name={name}")
            .UseSetting("Nearby:UseIndex", "false")
            .UseSetting("Nearby:SqlConnections", "2"));
        var client = factory.CreateClient();
        var points = Enumerable.Range(0, 40).Select(i => $"lng={116.25 + i * 0.004:F4}&lat={39.85 + i % 7 * 0.01:F4}&limit=3").ToArray();
        var expected = new List<string>();
        foreach (var p in points) expected.Add(await Codes(await client.GetAsync($"/api/v1/stations/nearest?{p}")));

        var burst = await Task.WhenAll(points.Select(p => client.GetAsync($"/api/v1/stations/nearest?{p}")));

        Assert.All(burst, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(burst, r => Assert.Equal("sql", r.Headers.GetValues("X-Nearest-Path").Single()));
        Assert.Equal(expected, await Task.WhenAll(burst.Select(Codes)));
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        await conn.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @n", conn);
        count.Parameters.AddWithValue("n", name + StationMapDataSource.NearestSuffix);
        Assert.InRange((long)(await count.ExecuteScalarAsync())!, 1, 2);
    }

    private static async Task<string> Codes(HttpResponseMessage r) =>
        string.Join(",", (await r.JsonAsync()).GetProperty("results").EnumerateArray().Select(x => x.GetProperty("code").GetString()));
}
