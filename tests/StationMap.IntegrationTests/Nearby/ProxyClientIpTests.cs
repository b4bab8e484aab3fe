using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Nearby;

/// <summary>Behind a CDN the rate limit must count couriers, not the CDN edge, and must not be dodged by a made-up header.</summary>
public class ProxyClientIpTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Nearest = "/api/v1/stations/nearest?lng=116.4&lat=39.9";

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        using var factory = Limited(socketAddress: "10.0.0.5");
        var courierA = Client(factory, "203.0.113.1");
        var courierB = Client(factory, "203.0.113.2");
        Assert.Equal(HttpStatusCode.OK, (await courierA.GetAsync(Nearest)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await courierA.GetAsync(Nearest)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await courierA.GetAsync(Nearest)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await courierB.GetAsync(Nearest)).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_address_are_ignored()
    {
        using var factory = Limited(socketAddress: "198.51.100.7");
        Assert.Equal(HttpStatusCode.OK, (await Client(factory, "203.0.113.1").GetAsync(Nearest)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client(factory, "203.0.113.2").GetAsync(Nearest)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Client(factory, "203.0.113.3").GetAsync(Nearest)).StatusCode);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Limited(string socketAddress) =>
        api.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:PublicPermits", "2");
            b.UseSetting("Proxy:TrustedProxies:0", "10.0.0.5");
            b.UseSetting("Proxy:TrustedNetworks:0", "172.16.0.0/12");
            // The test server has no socket: give each request the address it would arrive from.
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new SocketAddress(IPAddress.Parse(socketAddress))));
        });

    private static HttpClient Client(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string forwardedFor)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private sealed class SocketAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
