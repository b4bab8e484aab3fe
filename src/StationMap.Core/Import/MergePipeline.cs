using System.Threading.Channels;
using Npgsql;

namespace StationMap.Import;

/// <summary>
/// The database side of an import, one chunk at a time, inside the import's single transaction: for a commit, while
/// no row has been rejected (or rejected rows are skipped), a chunk's fresh rows (codes no station had) are inserted at
/// once, so PostgreSQL's index upkeep overlaps the reading of the next chunk (the lock is the caller's, taken before
/// anything is read). Everything else is staged for the final pass, a one-shot merge as before (see
/// <see cref="MergeScope"/>). The transaction is committed only by <see cref="FinishAsync"/>; anything else rolls the
/// inserted chunks back with it.
/// </summary>
internal sealed class MergePipeline(NpgsqlConnection conn, StagedMerge merge, InsertSnapshot snapshots, ImportRequest request, string codeColumn, string nameColumn)
{
    private bool _merging = !request.DryRun;
    private MergeCounts _counts;

    public async Task RunAsync(ChannelReader<StagedChunk> chunks, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await foreach (var chunk in chunks.ReadAllAsync(ct))
        {
            var wait = waited.ElapsedMilliseconds;
            _merging = _merging && (chunk.RejectedSoFar == 0 || request.SkipInvalid);
            var fresh = _merging ? chunk.Rows.Where(r => r.Fresh).ToList() : [];
            var rest = fresh.Count == 0 ? chunk.Rows : chunk.Rows.Where(r => !r.Fresh).ToList();
            await StagingTable.WriteAsync(conn, MergeScope.Rest.Table, chunk, rest, snapshots, ct);
            if (fresh.Count == 0) continue;
            await StagingTable.WriteAsync(conn, MergeScope.Chunk.Table, chunk, fresh, snapshots, ct);
            var copied = waited.ElapsedMilliseconds;
            _counts += new MergeCounts(await merge.InsertFreshAsync(fresh.Count, ct), 0, 0);
            StationImporter.Trace($"chunk {chunk.Number}: {fresh.Count} inserted (waited {wait} ms for it, copied at {copied} ms, inserted at {waited.ElapsedMilliseconds} ms)");
            waited.Restart();
        }
    }

    /// <summary>After the reader has finished (its problems are in the log): the final pass, then commit or roll back.</summary>
    public async Task<(MergeCounts Counts, bool Committed)> FinishAsync(ProblemLog log, NpgsqlTransaction tx, CancellationToken ct)
    {
        await merge.MatchCodelessAsync(ct);
        log.AddErrors(await merge.RejectForbiddenAsync(MergeScope.Rest, codeColumn, ct));
        log.AddWarnings(await merge.NearStoredAsync(MergeScope.Codeless, nameColumn, ct));
        var write = _merging && (log.RejectedRows.Count == 0 || request.SkipInvalid);
        var rest = MergeScope.Rest;
        var counts = _counts + (write ? await merge.MergeAsync(rest, ct) : await merge.ClassifyAsync(rest, ct));
        if (write)
        {
            await merge.AuditAsync(counts, ct);
            await tx.CommitAsync(ct);
        }
        else await tx.RollbackAsync(ct);
        return (counts, write);
    }
}
