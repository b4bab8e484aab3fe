using OpenTelemetry.Metrics;
using Scalar.AspNetCore;

namespace StationMap.Api;

/// <summary>
/// Metrics for Prometheus at /metrics (OpenTelemetry): ASP.NET Core's request rate and latency per route
/// (http.server.request.duration), Kestrel's connections, and StationMap's own instruments
/// (<see cref="StationMapMetrics"/>: index size, age and builds; import and export durations and rows).
/// The interactive API reference (Scalar) for the OpenAPI document is at /docs.
/// </summary>
internal static class Observability
{
    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(StationMapMetrics.Name)
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapObservability(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapScalarApiReference("/docs", options => options.WithTitle("StationMap API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }
}
