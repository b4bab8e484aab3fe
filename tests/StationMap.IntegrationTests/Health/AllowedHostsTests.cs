using System.Net;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Health;

/// <summary>An operator who names the public host (AllowedHosts) gets links built only from it.</summary>
public class AllowedHostsFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["AllowedHosts"] = "localhost" };
}

public class AllowedHostsTests(AllowedHostsFixture api) : IClassFixture<AllowedHostsFixture>
{
    // TileJSON and OGC links are absolute and built from the request's Host, and TileJSON may be cached publicly:
    // a forged Host must not get links to another site into a shared cache.
    [Fact]
    public async Task A_request_for_another_host_is_refused_and_links_name_the_allowed_host()
    {
        var client = api.Anonymous();
        var forged = new HttpRequestMessage(HttpMethod.Get, "/tiles/stations.json");
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);

        var doc = await (await client.GetAsync("/tiles/stations.json")).JsonAsync();
        Assert.StartsWith("http://localhost/tiles/stations/", doc.GetProperty("tiles")[0].GetString());
    }
}
