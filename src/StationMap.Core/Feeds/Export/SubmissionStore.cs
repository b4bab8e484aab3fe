using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using StationMap.Data;
using StationMap.Feeds.Profiles;
using StationMap.Publication;

namespace StationMap.Feeds.Export;

/// <summary>
/// Moves the publication records of a batch's stations in one set-based statement: binary COPY into a temporary
/// table, then INSERT … ON CONFLICT, touching only rows that really change (repeating a batch writes nothing).
/// Runs inside the caller's transaction.
/// </summary>
internal static class SubmissionStore
{
    // The state text as before (enum name in lower case), computed once per state instead of once per row.
    private static readonly string[] WireNames = Enum.GetValues<PublicationState>().Select(v => v.ToString().ToLowerInvariant()).ToArray();

    public static async Task ApplyAsync(StationMapDb db, FeedProfile profile, long batchId, IReadOnlyList<Submission> submissions, string actor, CancellationToken ct)
    {
        if (submissions.Count == 0) return;
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await Execute(conn, "CREATE TEMP TABLE feed_submissions (station_id bigint, station_code text, state text, content_hash text) ON COMMIT DROP", ct);
        var phase = FeedTimings.Measure("record: publication: copy");
        await using (var copy = await conn.BeginBinaryImportAsync("COPY feed_submissions FROM STDIN (FORMAT BINARY)", ct))
        {
            // Synchronous row writes: they fill Npgsql's buffer and only flush (to localhost) when it is full;
            // 140k × 4 awaited writes cost more CPU than the COPY itself.
            foreach (var s in submissions)
            {
                copy.StartRow();
                copy.Write(s.StationId, NpgsqlDbType.Bigint);
                copy.Write(s.Code, NpgsqlDbType.Text);
                copy.Write(WireNames[(int)s.State], NpgsqlDbType.Text);
                if (s.Hash is null) copy.WriteNull(); else copy.Write(s.Hash, NpgsqlDbType.Text);
            }
            await copy.CompleteAsync(ct);
        }
        phase.Dispose();
        phase = FeedTimings.Measure("record: publication: upsert");
        await Execute(conn, """
            INSERT INTO publication_records (station_id, station_code, provider, state, content_hash, profile, last_batch_id, submitted_at, updated_at, updated_by)
            SELECT station_id, station_code, @provider, state, content_hash, @profile, @batch, now(), now(), @actor FROM feed_submissions
            ORDER BY station_id -- index and foreign-key look-ups in key order: ≈ 10 % less server time at 140k rows
            ON CONFLICT (station_id, provider) DO UPDATE SET
              station_code = excluded.station_code, state = excluded.state, content_hash = excluded.content_hash,
              profile = excluded.profile, last_batch_id = excluded.last_batch_id, submitted_at = excluded.submitted_at,
              updated_at = excluded.updated_at, updated_by = excluded.updated_by,
              reason = CASE WHEN excluded.state = 'withdrawn' THEN '已撤回 / withdrawn in batch ' || @batch ELSE NULL END
            WHERE (publication_records.state, publication_records.content_hash, publication_records.profile, publication_records.last_batch_id)
              IS DISTINCT FROM (excluded.state, excluded.content_hash, excluded.profile, excluded.last_batch_id)
            """, ct, ("provider", profile.Provider), ("profile", profile.Id), ("batch", batchId), ("actor", actor));
        phase.Dispose();
        await Execute(conn, "DROP TABLE feed_submissions", ct);
    }

    private static async Task Execute(NpgsqlConnection conn, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
