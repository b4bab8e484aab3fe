using Npgsql;

namespace StationMap.Api.Tiles;

/// <summary>
/// Publication states (the tiles' "online" per provider) change by result-file imports, which send no NOTIFY:
/// a cheap look at the records' count and latest change every few seconds bumps the tile version instead.
/// </summary>
internal sealed partial class PublicationChangePoller(NpgsqlDataSource db, StationDataVersion version, ILogger<PublicationChangePoller> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        (long, DateTimeOffset?)? last = null;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var cmd = db.CreateCommand("SELECT count(*), max(updated_at) FROM publication_records");
                await using var r = await cmd.ExecuteReaderAsync(ct);
                await r.ReadAsync(ct);
                var now = (r.GetInt64(0), r.IsDBNull(1) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(1));
                if (last is { } before && before != now) version.Bump();
                last = now;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                LogFailed(e.Message);
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check publication changes for the tile cache ({Reason})")]
    private partial void LogFailed(string reason);
}
