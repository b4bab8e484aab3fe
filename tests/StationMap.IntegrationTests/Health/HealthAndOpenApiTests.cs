using System.Net;
using Microsoft.AspNetCore.Hosting;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Health;

public class HealthAndOpenApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Live_and_ready_answer_when_the_database_is_reachable()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Ready_reports_unhealthy_when_the_database_cannot_be_reached()
    {
        using var factory = api.Factory.WithWebHostBuilder(b =>
            b.UseSetting("ConnectionStrings:StationMap", "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2"));
        var response = await factory.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_public_and_staff_endpoints()
    {
        var doc = await (await api.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/stations/nearest", paths);
        Assert.Contains("/api/v1/stations/{code}", paths);
        Assert.Contains("/api/v1/imports", paths);
        Assert.Contains("/api/v1/exports", paths);
    }
}
