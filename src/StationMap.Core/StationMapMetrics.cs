using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StationMap;

/// <summary>
/// StationMap's own spans and metrics, under one name ("StationMap") that the API exports at /metrics.
/// Request rate and latency per endpoint come from ASP.NET Core's own instruments; these add the nearest
/// index and the bulk jobs. Static, so any code path (API, CLI, background job) records without plumbing;
/// nothing is recorded unless a listener (the API's OpenTelemetry meter provider) is attached.
/// </summary>
public static class StationMapMetrics
{
    public const string Name = "StationMap";

    /// <summary>Spans for the work a request does not show: index rebuilds, imports, exports.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Histogram<double> IndexBuild = Meter.CreateHistogram<double>(
        "stationmap.nearby.index.build.duration", "s", "Time to build the nearest index (full or incremental)");
    private static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("stationmap.import.duration", "s", "Time an import took");
    private static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("stationmap.import.rows", "{row}", "Rows an import wrote");
    private static readonly Histogram<double> ExportDuration = Meter.CreateHistogram<double>("stationmap.export.duration", "s", "Time a feed export took");
    private static readonly Counter<long> ExportRows = Meter.CreateCounter<long>("stationmap.export.rows", "{row}", "Rows written to feed files");

    private static volatile IndexState? _index;

    private sealed record IndexState(int Stations, DateTimeOffset BuiltAt, bool Stale);

    static StationMapMetrics()
    {
        Meter.CreateObservableGauge("stationmap.nearby.index.stations", () => _index?.Stations ?? 0, "{station}", "Stations in the current nearest index");
        Meter.CreateObservableGauge("stationmap.nearby.index.age",
            () => _index is { } i ? (TimeProvider.System.GetUtcNow() - i.BuiltAt).TotalSeconds : 0, "s", "Seconds since the nearest index was last made current");
        Meter.CreateObservableGauge("stationmap.nearby.index.stale", () => _index?.Stale == true ? 1 : 0, null,
            "1 while the index serves without change notifications (database away)");
    }

    public static void IndexBuilt(int stations, TimeSpan took)
    {
        _index = new IndexState(stations, TimeProvider.System.GetUtcNow(), Stale: false);
        IndexBuild.Record(took.TotalSeconds);
    }

    public static void IndexStale()
    {
        if (_index is { } i) _index = i with { Stale = true };
    }

    /// <param name="outcome">e.g. succeeded, failed, cancelled, dry_run.</param>
    public static void ImportFinished(TimeSpan took, long rowsWritten, string outcome)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        ImportDuration.Record(took.TotalSeconds, tag);
        ImportRows.Add(rowsWritten, tag);
    }

    public static void ExportFinished(TimeSpan took, long rows, string profile)
    {
        var tag = new KeyValuePair<string, object?>("profile", profile);
        ExportDuration.Record(took.TotalSeconds, tag);
        ExportRows.Add(rows, tag);
    }
}
