using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using StationMap.Audit;

namespace StationMap.Feeds.Export;

/// <summary>
/// The batch rows an export reads and writes, in plain SQL on the exporter's connection (column names follow the
/// snake_case EF mapping). EF's model, query compilation and update pipeline would cost a fresh CLI process more CPU
/// for these three statements than the statements themselves, on the cores the stream and PostgreSQL need.
/// </summary>
internal static class BatchRows
{
    private const string Columns = "id, profile, provider, adcode, kind, rows, added, changed, withdrawn, excluded, station_codes, report, created_at, created_by";

    /// <summary>The id, rows and files of the latest batch of the same profile, scope and kind; null when there is none.</summary>
    public static async Task<LatestBatch?> LatestAsync(NpgsqlConnection conn, string profile, string adcode, ExportKind kind, CancellationToken ct)
    {
        long id;
        int rows;
        await using (var cmd = new NpgsqlCommand(
            "SELECT id, rows FROM export_batches WHERE profile = @profile AND adcode = @adcode AND kind = @kind ORDER BY id DESC LIMIT 1", conn))
        {
            cmd.Parameters.AddWithValue("profile", profile);
            cmd.Parameters.AddWithValue("adcode", NpgsqlDbType.Char, adcode);
            cmd.Parameters.AddWithValue("kind", Wire(kind));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            (id, rows) = (r.GetInt64(0), r.GetInt32(1));
        }
        return new LatestBatch(id, rows, await FilesAsync(conn, id, ct));
    }

    /// <summary>The whole batch (station codes and report included), for the answer when an export repeats it.</summary>
    public static async Task<ExportBatch> FindAsync(NpgsqlConnection conn, long id, CancellationToken ct)
    {
        ExportBatch batch;
        await using (var cmd = new NpgsqlCommand($"SELECT {Columns} FROM export_batches WHERE id = @id", conn))
        {
            cmd.Parameters.AddWithValue("id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            batch = new ExportBatch
            {
                Id = r.GetInt64(0), Profile = r.GetString(1), Provider = r.GetString(2), Adcode = r.GetString(3),
                Kind = Enum.Parse<ExportKind>(r.GetString(4), ignoreCase: true), Rows = r.GetInt32(5), Added = r.GetInt32(6),
                Changed = r.GetInt32(7), Withdrawn = r.GetInt32(8), Excluded = r.GetInt32(9),
                StationCodes = r.GetFieldValue<List<string>>(10), Report = r.GetFieldValue<JsonDocument>(11),
                CreatedAt = r.GetFieldValue<DateTimeOffset>(12), CreatedBy = r.GetString(13),
            };
        }
        batch.Files = await FilesAsync(conn, id, ct);
        return batch;
    }

    private static async Task<List<ExportFile>> FilesAsync(NpgsqlConnection conn, long batchId, CancellationToken ct)
    {
        var files = new List<ExportFile>();
        await using var cmd = new NpgsqlCommand("SELECT id, name, change, rows, bytes, sha256 FROM export_files WHERE batch_id = @batch ORDER BY id", conn);
        cmd.Parameters.AddWithValue("batch", batchId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            files.Add(new ExportFile
            {
                Id = r.GetInt64(0), BatchId = batchId, Name = r.GetString(1), Change = r.GetString(2), Rows = r.GetInt32(3),
                Bytes = r.GetInt64(4), Sha256 = r.GetString(5),
            });
        return files;
    }

    /// <summary>Inserts the batch and its files; takes <paramref name="id"/> when given (reserved for the records), else a new one.</summary>
    public static async Task InsertAsync(NpgsqlConnection conn, ExportBatch batch, long? id, CancellationToken ct)
    {
        await using (var cmd = new NpgsqlCommand($"""
            INSERT INTO export_batches ({Columns})
            VALUES (COALESCE(@id, nextval(pg_get_serial_sequence('export_batches', 'id'))), @profile, @provider, @adcode, @kind, @rows,
                    @added, @changed, @withdrawn, @excluded, COALESCE(@codes, string_to_array(@joined, E'\x1f')), @report, @at, @by)
            RETURNING id
            """, conn))
        {
            cmd.Parameters.AddWithValue("id", NpgsqlDbType.Bigint, (object?)id ?? DBNull.Value);
            cmd.Parameters.AddWithValue("profile", batch.Profile);
            cmd.Parameters.AddWithValue("provider", batch.Provider);
            cmd.Parameters.AddWithValue("adcode", NpgsqlDbType.Char, batch.Adcode);
            cmd.Parameters.AddWithValue("kind", Wire(batch.Kind));
            cmd.Parameters.AddWithValue("rows", batch.Rows);
            cmd.Parameters.AddWithValue("added", batch.Added);
            cmd.Parameters.AddWithValue("changed", batch.Changed);
            cmd.Parameters.AddWithValue("withdrawn", batch.Withdrawn);
            cmd.Parameters.AddWithValue("excluded", batch.Excluded);
            // 139k codes as one text split by the server: a text[] parameter costs a length and a conversion per
            // element on both sides. The separator (U+001F) cannot be in a code; if it were, the array goes as is.
            var joinable = batch.StationCodes.Count > 0 && !batch.StationCodes.Any(c => c.Contains('\x1f'));
            cmd.Parameters.AddWithValue("codes", NpgsqlDbType.Array | NpgsqlDbType.Text, joinable ? DBNull.Value : (object)batch.StationCodes);
            cmd.Parameters.AddWithValue("joined", NpgsqlDbType.Text, joinable ? string.Join('\x1f', batch.StationCodes) : (object)DBNull.Value);
            cmd.Parameters.AddWithValue("report", NpgsqlDbType.Jsonb, batch.Report);
            cmd.Parameters.AddWithValue("at", batch.CreatedAt);
            cmd.Parameters.AddWithValue("by", batch.CreatedBy);
            batch.Id = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        foreach (var file in batch.Files)
        {
            file.BatchId = batch.Id;
            await using var cmd = new NpgsqlCommand(
                "INSERT INTO export_files (batch_id, name, change, rows, bytes, sha256) VALUES (@batch, @name, @change, @rows, @bytes, @sha) RETURNING id", conn);
            cmd.Parameters.AddWithValue("batch", batch.Id);
            cmd.Parameters.AddWithValue("name", file.Name);
            cmd.Parameters.AddWithValue("change", file.Change);
            cmd.Parameters.AddWithValue("rows", file.Rows);
            cmd.Parameters.AddWithValue("bytes", file.Bytes);
            cmd.Parameters.AddWithValue("sha", NpgsqlDbType.Char, file.Sha256);
            file.Id = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
    }

    // As the EF converter stores it (enum name in lower case).
    private static string Wire(ExportKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>What the repeat check needs of the latest batch.</summary>
internal sealed record LatestBatch(long Id, int Rows, List<ExportFile> Files);
