using Npgsql;

namespace StationMap.Api.Tiles;

/// <summary>
/// A number that changes whenever stations may have changed: bumped by the same station-change NOTIFY the
/// nearest index listens to. While not listening (start-up, a lost connection) it is not trusted: callers
/// then skip their caches.
/// </summary>
internal sealed class StationDataVersion
{
    private long _value = DateTime.UtcNow.Ticks;
    private volatile bool _listening;

    public long Current => Interlocked.Read(ref _value);
    public bool Trusted => _listening;

    public void Bump() => Interlocked.Increment(ref _value);

    public void SetListening(bool on)
    {
        Bump(); // changes missed while not listening are unknown
        _listening = on;
    }
}

/// <summary>LISTENs on the station-change channel (its own connection) and bumps <see cref="StationDataVersion"/>.</summary>
internal sealed partial class StationChangeListener(NpgsqlDataSource db, StationDataVersion version, ILogger<StationChangeListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                conn.Notification += (_, _) => version.Bump();
                await using (var listen = new NpgsqlCommand(
                    $"SET application_name = 'stationmap-tiles-listener'; LISTEN {Api.Nearby.NearbyIndexService.Channel}", conn))
                    await listen.ExecuteNonQueryAsync(ct);
                version.SetListening(true);
                while (!ct.IsCancellationRequested) await conn.WaitAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                version.SetListening(false);
                LogLost(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tile cache lost station-change notifications ({Reason}); serving tiles uncached until reconnected")]
    private partial void LogLost(string reason);
}
