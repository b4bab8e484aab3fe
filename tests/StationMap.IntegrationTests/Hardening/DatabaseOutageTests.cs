using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using StationMap.Auth;
using StationMap.Data;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Hardening;

/// <summary>
/// The API over its own throw-away cluster, which the test stops and starts again: reads and writes answer 503
/// ProblemDetails with Retry-After while the database is gone, and work again once it is back, with no restart.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private ThrowawayCluster _cluster = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private string _key = "";

    public async Task InitializeAsync()
    {
        _cluster = await ThrowawayCluster.StartAsync("outage");
        var connectionString = _cluster.ConnectionString("outage");
        await using (var ds = StationMapDataSource.Create(connectionString))
        await using (var db = StationMapDataSource.CreateDb(ds))
            (_key, _) = await new StaffKeyStore(db).CreateAsync("110108", StaffRole.Editor, "outage editor", "test");
        _factory = TestApp.Over(connectionString);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private HttpClient Editor()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _key);
        return client;
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)r.StatusCode}: {body}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(r.Headers.RetryAfter);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Contains("retry", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Npgsql", body);
    }

    [Fact]
    public async Task With_the_database_stopped_reads_and_writes_answer_503_and_recover_when_it_is_back()
    {
        var anonymous = _factory.CreateClient();
        var editor = Editor();
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("OUT-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/stations")).StatusCode);

        await _cluster.StopAsync();
        await AssertUnavailableAsync(await anonymous.GetAsync("/api/v1/stations"));
        await AssertUnavailableAsync(await anonymous.GetAsync("/api/v1/stations?q=中关村"));
        await AssertUnavailableAsync(await anonymous.GetAsync("/api/v1/stations/OUT-1"));
        // A staff key cannot be checked without the database: 503 too, never 401 or 500.
        await AssertUnavailableAsync(await editor.GetAsync("/api/v1/stations/OUT-1/history"));
        await AssertUnavailableAsync(await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("OUT-2")));
        await AssertUnavailableAsync(await editor.PutJsonAsync("/api/v1/stations/OUT-1", SampleInputs.Haidian() with { Version = 1 }));
        await AssertUnavailableAsync(await editor.DeleteAsync("/api/v1/stations/OUT-1?version=1"));

        await _cluster.StartAsync();
        // Connections broken by the stop are dropped as they are found; the next ones are new. No restart of the API.
        HttpStatusCode status = 0;
        for (var attempt = 0; attempt < 50 && status != HttpStatusCode.OK; attempt++)
        {
            status = (await anonymous.GetAsync("/api/v1/stations")).StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("OUT-2"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/stations/OUT-2")).StatusCode);
    }
}
