using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace StationMap.Api;

/// <summary>
/// Metrics for Prometheus at /metrics (OpenTelemetry): ASP.NET Core's request rate and latency per route
/// (http.server.request.duration), Kestrel's connections, and StationMap's own instruments
/// (<see cref="StationMapMetrics"/>: index size, age and builds; import and export durations and rows).
/// Traces (requests, SQL commands, index rebuilds, imports, exports) go to an OTLP collector when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set. The interactive API reference (Scalar) for the OpenAPI document is at /docs.
/// </summary>
internal static class Observability
{
    /// <summary>The OpenTelemetry setting that turns traces on (an OTLP collector such as Jaeger or Tempo).</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("stationmap-api"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(StationMapMetrics.Name)
                .AddPrometheusExporter());
        // Traces only where an operator points them at a collector: with a tracer listening, every request pays for
        // its spans whether anyone reads them or not.
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]))
            telemetry.WithTracing(tracing => tracing
                .AddSource(StationMapMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapObservability(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapScalarApiReference("/docs", options => options.WithTitle("StationMap API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }
}
