using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace StationMap.Api.Health;

internal static class HealthApi
{
    /// <summary>/health/live: the process answers (the HTTP ceiling in benchmarks). /health/ready: the database answers.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Text("live")).WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
