using System.Threading.Channels;
using Npgsql;

namespace StationMap.Import;

/// <summary>
/// The database side of an import, one chunk at a time, inside the import's single transaction: for a commit, while
/// no row has been rejected (or rejected rows are skipped), COPY the chunk, check and merge its coded rows at once
/// (the lock is the caller's, taken before anything is read). Everything else is staged for the final pass, which
/// works as a one-shot merge: code-less rows, every chunk from the first rejection on (then only classified), a
/// dry run's rows. The transaction is committed only by <see cref="FinishAsync"/>; anything else rolls the merged
/// chunks back with it.
/// </summary>
internal sealed class MergePipeline(NpgsqlConnection conn, StagedMerge merge, InsertSnapshot snapshots, ImportRequest request, string codeColumn, string nameColumn)
{
    private readonly List<ImportProblem> _errors = [];
    private readonly List<ImportProblem> _warnings = [];
    private bool _merging = !request.DryRun;
    private MergeCounts _counts;

    public async Task RunAsync(ChannelReader<StagedChunk> chunks, CancellationToken ct)
    {
        await foreach (var chunk in chunks.ReadAllAsync(ct))
        {
            _merging = _merging && (chunk.RejectedSoFar == 0 || request.SkipInvalid);
            if (!_merging)
            {
                await StagingTable.WriteAsync(conn, MergeScope.Rest.Table, chunk, snapshots, ct);
                continue;
            }
            await StagingTable.WriteAsync(conn, MergeScope.Chunk.Table, chunk, snapshots, ct);
            _errors.AddRange(await merge.RejectForbiddenAsync(MergeScope.Chunk, codeColumn, ct));
            _merging = _errors.Count == 0 || request.SkipInvalid;
            if (_merging) _counts += await merge.MergeAsync(MergeScope.Chunk, finalPass: false, ct);
            await merge.ChunkDoneAsync(merged: _merging, ct);
            StationImporter.Trace($"chunk {chunk.Number} {(_merging ? "merged" : "kept")}");
        }
    }

    /// <summary>After the reader has finished (its problems are in the log): the final pass, then commit or roll back.</summary>
    public async Task<(MergeCounts Counts, bool Committed)> FinishAsync(ProblemLog log, NpgsqlTransaction tx, CancellationToken ct)
    {
        await merge.MatchCodelessAsync(ct);
        _errors.AddRange(await merge.RejectForbiddenAsync(MergeScope.Rest, codeColumn, ct));
        _warnings.AddRange(await merge.NearStoredAsync(MergeScope.Codeless, nameColumn, ct));
        log.AddErrors(_errors);
        log.AddWarnings(_warnings);
        var write = _merging && (log.RejectedRows.Count == 0 || request.SkipInvalid);
        var rest = MergeScope.Rest;
        var counts = _counts + (write ? await merge.MergeAsync(rest, finalPass: true, ct) : await merge.ClassifyAsync(rest, ct));
        if (write)
        {
            await merge.AuditAsync(counts, ct);
            await tx.CommitAsync(ct);
        }
        else await tx.RollbackAsync(ct);
        return (counts, write);
    }
}
