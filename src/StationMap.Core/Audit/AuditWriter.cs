using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using StationMap.Data;

namespace StationMap.Audit;

/// <summary>Writes audit rows, for every write path: raw Npgsql connections and EF services (on EF's connection,
/// inside its current transaction) alike.</summary>
public static class AuditWriter
{
    private const string Sql = "INSERT INTO audit_log (at, actor, action, subject, details) VALUES (@at, @actor, @action, @subject, @details)";

    public static async Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, AuditEntry entry, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, conn, tx);
        cmd.Parameters.AddWithValue("at", entry.At);
        cmd.Parameters.AddWithValue("actor", entry.Actor);
        cmd.Parameters.AddWithValue("action", entry.Action);
        cmd.Parameters.AddWithValue("subject", entry.Subject);
        cmd.Parameters.AddWithValue("details", NpgsqlDbType.Jsonb, (object?)entry.Details ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>On the context's connection; call it inside the transaction that makes the change.</summary>
    public static async Task WriteAsync(StationMapDb db, AuditEntry entry, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var tx = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
            await WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), tx, entry, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
