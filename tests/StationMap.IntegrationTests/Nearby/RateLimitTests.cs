using System.Net;
using Microsoft.AspNetCore.Hosting;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Nearby;

public class RateLimitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Public_reads_beyond_the_limit_get_429_with_retry_after()
    {
        using var factory = api.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:PublicPermits", "3");
            b.UseSetting("RateLimits:WindowSeconds", "60");
        });
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/stations/nearest?lng=116.4&lat=39.9")).StatusCode);
        var limited = await client.GetAsync("/api/v1/stations/nearest?lng=116.4&lat=39.9");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("too many requests", (await limited.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode); // health is never limited
    }

    [Fact]
    public async Task Public_answers_are_compressed_and_cacheable()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stations/nearest?lng=116.4&lat=39.9");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await api.Anonymous().SendAsync(request);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        Assert.Contains("public", response.Headers.CacheControl!.ToString());
    }
}
