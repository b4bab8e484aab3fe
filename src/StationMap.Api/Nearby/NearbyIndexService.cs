using Microsoft.Extensions.Options;
using Npgsql;
using StationMap.Nearby;

namespace StationMap.Api.Nearby;

/// <summary>
/// Keeps the in-memory index current: LISTEN first, then load everything, then apply each change the
/// database trigger announces. If the listening connection drops (the database restarts or goes away), the
/// last index keeps serving, marked stale, and a full rebuild after reconnecting makes it current again.
/// </summary>
internal sealed partial class NearbyIndexService(
    NpgsqlDataSource db, NearbyIndexHolder holder, IOptions<NearbyOptions> options,
    ILogger<NearbyIndexService> log) : BackgroundService
{
    public const string Channel = "stations_changed";

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!options.Value.UseIndex) return;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ListenAndMaintainAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                holder.MarkStale();
                StationMapMetrics.IndexStale();
                LogLost(e, holder.Current?.Index.Count ?? 0);
                await Task.Delay(TimeSpan.FromSeconds(options.Value.ReconnectSeconds), ct);
            }
        }
    }

    private async Task ListenAndMaintainAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var pending = new List<string>();
        conn.Notification += (_, e) => { lock (pending) pending.Add(e.Payload); };
        await using (var listen = new NpgsqlCommand($"SET application_name = 'stationmap-nearby-listener'; LISTEN {Channel}", conn))
            await listen.ExecuteNonQueryAsync(ct);

        await RebuildAllAsync("start", ct);
        while (!ct.IsCancellationRequested)
        {
            await conn.WaitAsync(ct);
            // A burst (an import's statements) arrives together: gather it, rebuild once.
            while (await conn.WaitAsync(options.Value.DebounceMilliseconds, ct)) { }
            string[] payloads;
            lock (pending) { payloads = [.. pending]; pending.Clear(); }
            await ApplyAsync(payloads, ct);
        }
    }

    private async Task RebuildAllAsync(string reason, CancellationToken ct)
    {
        using var activity = StationMapMetrics.Source.StartActivity("nearby.index.rebuild");
        var started = TimeProvider.System.GetTimestamp();
        var rows = await NearbyStationReader.AllServedIntoAsync(db, ct);
        var index = holder.ReplaceAll(rows);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        StationMapMetrics.IndexBuilt(index.Count, elapsed);
        activity?.SetTag("stations", index.Count);
        LogBuilt(index.Count, elapsed.TotalMilliseconds, reason);
    }

    private async Task ApplyAsync(string[] payloads, CancellationToken ct)
    {
        if (payloads.Length == 0) return;
        if (payloads.Contains("all"))
        {
            await RebuildAllAsync("bulk change", ct);
            return;
        }
        var ids = payloads.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(long.Parse).Distinct().ToArray();
        var (served, gone) = await NearbyStationReader.ByIdsAsync(db, ids, ct);
        var started = TimeProvider.System.GetTimestamp();
        var index = holder.Apply(served, gone);
        StationMapMetrics.IndexBuilt(index.Count, TimeProvider.System.GetElapsedTime(started));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nearest index built: {Count} stations in {Milliseconds} ms ({Reason})")]
    private partial void LogBuilt(int count, double milliseconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nearest index notifications lost; serving the last index ({Count} stations) as stale until reconnected")]
    private partial void LogLost(Exception error, int count);
}
