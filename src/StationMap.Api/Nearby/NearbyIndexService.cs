using Microsoft.Extensions.Options;
using Npgsql;
using StationMap.Nearby;

namespace StationMap.Api.Nearby;

/// <summary>
/// Keeps the in-memory index current: LISTEN first, then load everything, then apply each change the
/// database trigger announces. If the listening connection drops, the index is invalidated (queries
/// fall back to SQL) and it is rebuilt after reconnecting.
/// </summary>
internal sealed partial class NearbyIndexService(
    NpgsqlDataSource db, NearbyIndexHolder holder, IOptions<NearbyOptions> options, ILogger<NearbyIndexService> log) : BackgroundService
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
                holder.Invalidate();
                LogLost(e.Message);
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

        var started = DateTime.UtcNow;
        var rows = await NearbyStationReader.AllServedIntoAsync(db, ct);
        var index = await Task.Run(() => holder.ReplaceAll(rows), ct); // the tree build is CPU work: off the socket thread
        LogBuilt(index.Count, (DateTime.UtcNow - started).TotalMilliseconds);

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

    private async Task ApplyAsync(string[] payloads, CancellationToken ct)
    {
        if (payloads.Length == 0) return;
        if (payloads.Contains("all"))
        {
            var rows = await NearbyStationReader.AllServedIntoAsync(db, ct);
            await Task.Run(() => holder.ReplaceAll(rows), ct);
            return;
        }
        var ids = payloads.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(long.Parse).Distinct().ToArray();
        var (served, gone) = await NearbyStationReader.ByIdsAsync(db, ids, ct);
        await Task.Run(() => holder.Apply(served, gone), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nearest index built: {Count} stations in {Milliseconds} ms")]
    private partial void LogBuilt(int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nearest index notifications lost ({Reason}); serving from SQL until reconnected")]
    private partial void LogLost(string reason);
}
