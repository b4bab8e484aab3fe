using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using StationMap.Api;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>The API in the test host over a given database, with the limits set for tests.</summary>
public static class TestApp
{
    public static WebApplicationFactory<Program> Over(string connectionString, params (string Key, string? Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:StationMap", connectionString);
            // Tests send many requests from one address; the per-client limits have tests of their own.
            b.UseSetting("RateLimits:PublicPermits", "0");
            // The test host shares its thread pool with the test runner and every other test app, so its backlog says
            // nothing about the app.
            b.UseSetting("RateLimits:MaxQueuedWork", "1000000");
            foreach (var (k, v) in settings) b.UseSetting(k, v);
        });
}
