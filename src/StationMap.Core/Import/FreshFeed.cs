using System.Globalization;
using Npgsql;

namespace StationMap.Import;

/// <summary>
/// A commit's second connection: it copies each chunk's new stations into an unlogged table of its own and commits
/// them there at once, while the import's transaction inserts the previous chunk from that table. One PostgreSQL
/// backend can't use the second core, and the COPY (binary tuples, the snapshots' jsonb parsing) was a quarter of the
/// transaction's time; here it runs beside it. The table is scratch, never station data: the import's transaction
/// still writes every station and history row, so a rollback leaves nothing behind but this table, which is dropped
/// after the transaction ends (and, after a crash, by the next commit).
/// </summary>
internal sealed class FreshFeed(NpgsqlDataSource dataSource, long jobId) : IAsyncDisposable
{
    private const string Prefix = "import_fresh_";

    /// <summary>Tables of earlier commits that ended without dropping theirs (a killed process). Only run while holding
    /// the import lock: no other commit is then between creating its table and ending its transaction.</summary>
    private static readonly string DropAbandoned = $$"""
        DO $$ DECLARE t text; BEGIN
            FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '{{Prefix.Replace("_", @"\_")}}%' LOOP
                EXECUTE format('DROP TABLE IF EXISTS %I', t);
            END LOOP;
        END $$
        """;

    private NpgsqlConnection? _conn;

    public string Table { get; } = Prefix + jobId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Copies and commits one chunk's new stations; the first call creates the table.</summary>
    public async Task CopyAsync(CopyBuffer fresh, CancellationToken ct)
    {
        if (_conn is null)
        {
            _conn = await dataSource.OpenConnectionAsync(ct);
            await StagingTable.ExecuteAsync(_conn, DropAbandoned, ct);
            await StagingTable.ExecuteAsync(_conn, StagingTable.CreateShared(Table), ct);
        }
        await StagingTable.CopyAsync(_conn, Table, [fresh], ct);
    }

    /// <summary>Called after the import's transaction has ended: until then it holds a lock on the table.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_conn is null) return;
        try
        {
            // A connection the failure broke can't drop anything: the table is left to the next commit's clean-up,
            // and the import's own error is the one that surfaces.
            if (_conn.State == System.Data.ConnectionState.Open)
                await StagingTable.ExecuteAsync(_conn, $"DROP TABLE IF EXISTS {Table}", CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Same: a drop that fails leaves the table to the next commit's clean-up; the import's outcome stands.
        }
        finally
        {
            await _conn.DisposeAsync();
        }
    }
}
