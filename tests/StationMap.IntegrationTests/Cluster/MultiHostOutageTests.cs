using System.Net;

using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Cluster;

public class MultiHostOutageTests
{
    [Fact]
    public async Task With_no_database_server_reachable_a_request_answers_503_with_retry_after()
    {
        // Nothing listens on port 1: every connection attempt is refused, as with a stopped primary.
        using var factory = TestApp.Over("Host=127.0.0.1:1,127.0.0.1:2;Username=postgres;Database=stationmap;Timeout=2", ("Nearby:UseIndex", "false"));
        var client = factory.CreateClient();
        var r = await client.GetAsync("/api/v1/stations/BJ-HD-0001");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        Assert.NotNull(r.Headers.RetryAfter);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }
}
