using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using StationMap.Auth;
using StationMap.Data;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Cluster;

/// <summary>
/// A database server that stalls (its postmaster and backends SIGSTOPped: connections open, nothing answers) does not
/// hold requests: each database-backed one answers 503 with Retry-After once its deadline passes, /nearest keeps
/// answering from the index, and everything works again once the server resumes, with no restart.
/// </summary>
public sealed class DatabaseStallTests : IAsyncLifetime
{
    // Upper bound only: deadline and command timeout are 2 s; Npgsql may add its Timeout and Cancellation Timeout
    // while it tries to cancel on the silent server. Far below "forever".
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string Spot = "lng=116.3100&lat=39.9800";

    private ThrowawayCluster _cluster = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private string _key = "";

    public async Task InitializeAsync()
    {
        _cluster = await ThrowawayCluster.StartAsync("stall");
        // The cluster's settings (scripts/cluster.sh), with a shorter command timeout. Both bounds are needed: Npgsql
        // cannot abandon a command on a pooled connection before the server answers the connection's reset (npgsql
        // #5191), so the command timeout ends those; the deadline ends the request as a whole.
        var connectionString = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString("stall"))
        {
            Timeout = 2, CommandTimeout = 2, CancellationTimeout = 500, GssEncryptionMode = GssEncryptionMode.Disable,
        }.ConnectionString;
        await using (var ds = StationMapDataSource.Create(connectionString))
        await using (var db = StationMapDataSource.CreateDb(ds))
            (_key, _) = await new StaffKeyStore(db).CreateAsync("110108", StaffRole.Editor, "stall editor", "test");
        _factory = TestApp.Over(connectionString, ("Database:RequestTimeoutSeconds", "2"));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private HttpClient Client(string? key = null)
    {
        var client = _factory.CreateClient();
        client.Timeout = Patience;
        if (key is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    [Fact]
    public async Task While_the_database_stalls_database_requests_answer_503_with_retry_after_and_nearest_keeps_answering()
    {
        var anonymous = Client();
        var editor = Client(_key);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations",
            SampleInputs.Haidian("STALL-1") with { Lng = 116.31, Lat = 39.98 })).StatusCode);
        Assert.True(await EventuallyAsync(async () => await NearestCodeAsync(anonymous) == "STALL-1"), "the station never reached the nearest index");

        await _cluster.PauseAsync();
        try
        {
            // All at once, as under load: none of them waits for the server to come back.
            var answers = await Task.WhenAll(
                editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("STALL-2")),
                editor.GetAsync("/api/v1/auth/me"),
                editor.GetAsync("/api/v1/stations/STALL-1/history"),
                anonymous.GetAsync("/api/v1/stations/STALL-1"),
                anonymous.GetAsync("/api/v1/stations?adcode=110108"));
            foreach (var r in answers) await AssertUnavailableAsync(r);

            var nearest = await anonymous.GetAsync($"/api/v1/stations/nearest?{Spot}&limit=1");
            Assert.Equal(HttpStatusCode.OK, nearest.StatusCode);
            Assert.Equal("index", nearest.Headers.GetValues("X-Nearest-Path").Single());
        }
        finally
        {
            await _cluster.ResumeAsync();
        }

        Assert.True(await EventuallyAsync(async () =>
            (await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("STALL-3"))).StatusCode == HttpStatusCode.Created),
            "writes did not succeed again after the server resumed");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/stations/STALL-3")).StatusCode);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.ServiceUnavailable, $"{r.RequestMessage?.RequestUri?.PathAndQuery} → {(int)r.StatusCode}: {body}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(r.Headers.RetryAfter);
        Assert.Contains("retry", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }

    private static async Task<string?> NearestCodeAsync(HttpClient client)
    {
        var r = await client.GetAsync($"/api/v1/stations/nearest?{Spot}&limit=1");
        if (r.StatusCode != HttpStatusCode.OK || r.Headers.GetValues("X-Nearest-Path").Single() != "index") return null;
        var results = (await r.JsonAsync()).GetProperty("results");
        return results.GetArrayLength() > 0 ? results[0].GetProperty("code").GetString() : null;
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(200);
        }
        return false;
    }
}
