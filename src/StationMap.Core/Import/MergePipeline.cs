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
internal sealed class MergePipeline(NpgsqlConnection conn, StagedMerge merge, ImportRequest request, string codeColumn, string nameColumn)
{
    private bool _merging = !request.DryRun;
    private MergeCounts _counts;
    private bool _codeless;

    public async Task RunAsync(ChannelReader<StagedChunk> chunks, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await foreach (var chunk in chunks.ReadAllAsync(ct))
        {
            using var _ = chunk;
            _codeless |= chunk.Codeless > 0;
            var waited = clock.ElapsedMilliseconds;
            _merging = _merging && (chunk.RejectedSoFar == 0 || request.SkipInvalid);
            if (!_merging || chunk.Fresh.Tuples == 0)
            {
                await StagingTable.CopyAsync(conn, MergeScope.Rest.Table, [chunk.Rest, chunk.Fresh], ct);
                clock.Restart();
                continue;
            }
            await StagingTable.CopyAsync(conn, MergeScope.Rest.Table, [chunk.Rest], ct);
            await StagingTable.CopyAsync(conn, MergeScope.Chunk.Table, [chunk.Fresh], ct);
            var copied = clock.ElapsedMilliseconds;
            _counts += new MergeCounts(await merge.InsertFreshAsync(chunk.Fresh.Tuples, ct), 0, 0);
            StationImporter.Trace($"chunk {chunk.Number}: {chunk.Fresh.Tuples} inserted (waited {waited} ms for it, copied by {copied} ms, inserted by {clock.ElapsedMilliseconds} ms)");
            clock.Restart();
        }
    }

    /// <summary>After the reader has finished (its problems are in the log): the final pass, then commit or roll back.</summary>
    public async Task<(MergeCounts Counts, bool Committed)> FinishAsync(ProblemLog log, NpgsqlTransaction tx, CancellationToken ct)
    {
        // Without code-less rows (a re-upload of coded rows) the code matching and the SQL probe for stored stations nearby
        // have nothing to look at; their joins against every stored station cost ≈ 0.3 s at 150k anyway.
        if (_codeless) await merge.MatchCodelessAsync(ct);
        StationImporter.Trace("final pass: code-less rows matched");
        log.AddErrors(await merge.RejectForbiddenAsync(MergeScope.Rest, codeColumn, ct));
        StationImporter.Trace("final pass: scope checked");
        if (_codeless) log.AddWarnings(await merge.NearStoredAsync(MergeScope.Codeless, nameColumn, ct));
        StationImporter.Trace("final pass: near stored stations checked");
        var write = _merging && (log.RejectedRows.Count == 0 || request.SkipInvalid);
        var rest = MergeScope.Rest;
        var counts = _counts + (write ? await merge.MergeAsync(rest, _codeless, ct) : await merge.ClassifyAsync(rest, ct));
        if (write)
        {
            await merge.AuditAsync(counts, ct);
            await tx.CommitAsync(ct);
        }
        else await tx.RollbackAsync(ct);
        return (counts, write);
    }
}
