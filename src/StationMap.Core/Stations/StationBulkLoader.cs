using Npgsql;
using NpgsqlTypes;

namespace StationMap.Stations;

/// <summary>
/// Loads many validated stations with Npgsql's binary import (columns from <see cref="StationColumns"/>), each with its
/// "created" history row, in one transaction. For seeding and benchmarks; new stations only.
/// </summary>
public static class StationBulkLoader
{
    private static readonly string Copy =
        $"COPY stations (code, {StationColumns.Names()}, created_at, created_by, updated_at, updated_by, version) FROM STDIN (FORMAT BINARY)";

    public static async Task<long> LoadAsync(NpgsqlDataSource db, IEnumerable<StationFields> stations, string actor, string reason, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        // Block other writers so the new rows are exactly those with ids above today's highest.
        await using (var guard = new NpgsqlCommand("LOCK TABLE stations IN SHARE ROW EXCLUSIVE MODE", conn, tx))
            await guard.ExecuteNonQueryAsync(ct);
        long before;
        await using (var max = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM stations", conn, tx))
            before = (long)(await max.ExecuteScalarAsync(ct))!;
        long count = 0;
        await using (var writer = await conn.BeginBinaryImportAsync(Copy, ct))
        {
            foreach (var s in stations)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(s.Code!, NpgsqlDbType.Varchar, ct);
                StationColumns.Write(writer, new StationRow(s, null));
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(actor, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(actor, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(1, NpgsqlDbType.Integer, ct);
                count++;
            }
            await writer.CompleteAsync(ct);
        }
        await using (var history = new NpgsqlCommand(StationSnapshot.InsertHistory("s", "created", "FROM stations s WHERE s.id > @before"), conn, tx))
        {
            history.CommandTimeout = 0; // a national load writes 150k+ snapshots in one statement
            history.Parameters.AddWithValue("before", before);
            history.Parameters.AddWithValue("actor", actor);
            history.Parameters.AddWithValue("reason", reason);
            await history.ExecuteNonQueryAsync(ct);
        }
        var audit = Audit.AuditLog.Entry(actor, "stations.bulk_load", reason, new { count });
        audit.At = now;
        await Audit.AuditWriter.WriteAsync(conn, tx, audit, ct);
        await tx.CommitAsync(ct);
        return count;
    }

}
