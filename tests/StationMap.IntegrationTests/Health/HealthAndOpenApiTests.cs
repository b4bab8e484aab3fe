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

    [Fact]
    public async Task Metrics_are_served_for_prometheus_with_request_latency_per_route()
    {
        var client = api.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/stations/nearest?lng=116.4&lat=39.9")).StatusCode);
        var text = "";
        for (var i = 0; i < 50 && !text.Contains("/api/v1/stations/nearest"); i++)
        {
            text = await client.GetStringAsync("/metrics");
            await Task.Delay(100);
        }
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("http_route=\"/api/v1/stations/nearest\"", text);
    }

    [Fact]
    public async Task The_api_reference_is_served_at_docs()
    {
        var response = await api.Anonymous().GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Ready_says_what_serves_when_the_database_answers()
    {
        var body = await (await api.Anonymous().GetAsync("/health/ready")).JsonAsync();
        Assert.Equal("up", body.GetProperty("checks").GetProperty("serving").GetProperty("data").GetProperty("database").GetString());
    }
}
