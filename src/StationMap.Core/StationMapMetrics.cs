using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StationMap;

/// <summary>
/// StationMap's own spans and metrics, under one name ("StationMap") that the API exports at /metrics.
/// Request rate and latency per endpoint come from ASP.NET Core's own instruments; these add the index and
/// the bulk jobs. One instance per process (a DI singleton); the CLI may make its own.
/// </summary>
public sealed class StationMapMetrics : IDisposable
{
    public const string Name = "StationMap";

    /// <summary>Spans for the work a request does not show: index rebuilds, imports, exports.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter = new(Name);
    private readonly Histogram<double> _indexBuild, _importDuration, _exportDuration;
    private readonly Counter<long> _importRows, _exportRows;
    private readonly TimeProvider _clock;
    private volatile IndexState? _index;

    private sealed record IndexState(int Stations, DateTimeOffset BuiltAt);

    public StationMapMetrics(TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _indexBuild = _meter.CreateHistogram<double>("stationmap.nearby.index.build.duration", "s", "Time to build the nearest index (full or incremental)");
        _meter.CreateObservableGauge("stationmap.nearby.index.stations", () => _index?.Stations ?? 0, "{station}", "Stations in the current nearest index");
        _meter.CreateObservableGauge("stationmap.nearby.index.age", () => _index is { } i ? (_clock.GetUtcNow() - i.BuiltAt).TotalSeconds : 0,
            "s", "Seconds since the nearest index was last made current");
        _importDuration = _meter.CreateHistogram<double>("stationmap.import.duration", "s", "Time an import took");
        _importRows = _meter.CreateCounter<long>("stationmap.import.rows", "{row}", "Rows imported (written to the stations table)");
        _exportDuration = _meter.CreateHistogram<double>("stationmap.export.duration", "s", "Time a feed export took");
        _exportRows = _meter.CreateCounter<long>("stationmap.export.rows", "{row}", "Rows written to feed files");
    }

    public void IndexBuilt(int stations, TimeSpan took)
    {
        _index = new IndexState(stations, _clock.GetUtcNow());
        _indexBuild.Record(took.TotalSeconds);
    }

    /// <param name="outcome">e.g. succeeded, failed, dry_run.</param>
    public void ImportFinished(TimeSpan took, long rowsWritten, string outcome)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _importDuration.Record(took.TotalSeconds, tag);
        _importRows.Add(rowsWritten, tag);
    }

    public void ExportFinished(TimeSpan took, long rows, string profile)
    {
        var tag = new KeyValuePair<string, object?>("profile", profile);
        _exportDuration.Record(took.TotalSeconds, tag);
        _exportRows.Add(rows, tag);
    }

    public void Dispose() => _meter.Dispose();
}
