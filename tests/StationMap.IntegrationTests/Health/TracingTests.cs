using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Health;

/// <summary>With an OTLP collector configured, the app traces requests, SQL and its own jobs; spans are captured here in memory.</summary>
public class TracingFixture : ApiFixture
{
    private readonly Captured _spans = new();

    // Nothing listens on this port: the OTLP exporter's sends fail quietly, the in-memory copy is what the tests read.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));

    public List<Activity> Snapshot() => _spans.Snapshot();

    /// <summary>The exporter adds on the thread a span ends on while a test reads: both under one lock.</summary>
    private sealed class Captured : System.Collections.ObjectModel.Collection<Activity>
    {
        protected override void InsertItem(int index, Activity item)
        {
            lock (this) base.InsertItem(index, item);
        }

        public List<Activity> Snapshot()
        {
            lock (this) return [.. this];
        }
    }
}

// The tracer listens by source name, so it hears every app in the process: alone, the spans it keeps are this class's.
[Collection(RunsAlone.Name)]
public class TracingTests(TracingFixture api) : IClassFixture<TracingFixture>
{
    [Fact]
    public async Task An_import_job_is_one_span_with_its_outcome_rows_and_sql_and_counts_in_the_metrics()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var accepted = await client.PostJobAsync(Csv(Row("TRACE-1", "一号驿站", 1), Row("TRACE-2", "二号驿站", 2)), "coordsys=wgs84&dryRun=false");
        Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await client.WaitForJobAsync(accepted.Headers.Location!.ToString());
        var jobId = job.GetProperty("id").GetInt64();

        var import = await SpanAsync(s => s.OperationName == "import" && s.GetTagItem("stationmap.import.job") as long? == jobId
            && s.GetTagItem("stationmap.import.outcome") is not null);
        Assert.Equal("succeeded", import.GetTagItem("stationmap.import.outcome"));
        Assert.Equal(2, import.GetTagItem("stationmap.import.rows"));
        Assert.Equal(2, import.GetTagItem("stationmap.import.written"));
        await SpanAsync(s => s.TraceId == import.TraceId && s.Source.Name == "Npgsql" && s.Id != import.Id);

        // The same job in the metrics Prometheus reads (the meter is process-wide: other test classes' imports count too).
        var metrics = "";
        for (var polls = 0; polls < 50 && !metrics.Contains("stationmap_import_rows_total{"); polls++)
        {
            metrics = await api.Anonymous().GetStringAsync("/metrics");
            await Task.Delay(100);
        }
        var rows = metrics.Split('\n').Single(l => l.StartsWith("stationmap_import_rows_total{") && l.Contains("outcome=\"succeeded\""));
        Assert.True(double.Parse(rows.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= 2, rows);
        Assert.Contains("stationmap_import_duration_seconds_count{", metrics);
    }

    [Fact]
    public async Task A_request_is_a_span_named_for_its_route()
    {
        // A caller's trace context names the trace, so the span found is this request's.
        var traceId = ActivityTraceId.CreateRandom();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stations/nearest?lng=116.4&lat=39.9");
        get.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await api.Anonymous().SendAsync(get);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var request = await SpanAsync(s => s.Kind == ActivityKind.Server && s.TraceId == traceId);
        Assert.Equal("/api/v1/stations/nearest", request.GetTagItem("http.route"));
        Assert.Equal(200, request.GetTagItem("http.response.status_code"));
    }

    /// <summary>Spans are exported as they end, which may be just after the response: poll a bounded number of times.</summary>
    private async Task<Activity> SpanAsync(Func<Activity, bool> match)
    {
        for (var polls = 0; polls < 200; polls++)
        {
            if (api.Snapshot().FirstOrDefault(match) is { } span) return span;
            await Task.Delay(25);
        }
        throw new Xunit.Sdk.XunitException($"no such span among: {string.Join(", ", api.Snapshot().Select(s => $"{s.Source.Name}/{s.OperationName}"))}");
    }
}
