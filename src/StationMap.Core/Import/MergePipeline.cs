using System.Threading.Channels;
using Npgsql;

namespace StationMap.Import;

/// <summary>
/// The database side of an import, one chunk at a time, inside the import's single transaction: for a commit, while
/// no row has been rejected (or rejected rows are skipped), a chunk's fresh rows (codes no station had) are inserted at
/// once, so PostgreSQL's index upkeep overlaps the reading of the next chunk (the lock is the caller's, taken before
/// anything is read). Those rows reach the transaction through the <see cref="FreshFeed"/>, which copies chunk n + 1
/// on its own connection while this one inserts chunk n. Everything else is staged for the final pass, a one-shot merge
/// as before (see <see cref="MergeScope"/>). The transaction is committed only by <see cref="FinishAsync"/>; anything
/// else rolls the inserted chunks back with it.
/// </summary>
internal sealed class MergePipeline(NpgsqlConnection conn, StagedMerge merge, FreshFeed feed, ImportRequest request, string codeColumn, string nameColumn)
{
    private bool _merging = !request.DryRun;
    private MergeCounts _counts;
    private bool _codeless;

    /// <summary>A chunk on its way from the feed to the transaction; <paramref name="Fed"/>: its fresh rows are in the
    /// feed's table, to be inserted now.</summary>
    private readonly record struct FedChunk(StagedChunk Chunk, bool Fed);

    public async Task RunAsync(ChannelReader<StagedChunk> chunks, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var fed = Channel.CreateBounded<FedChunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var feeding = FeedAsync(chunks, fed.Writer, stop.Token);
        try
        {
            await MergeAsync(fed.Reader, ct);
        }
        finally
        {
            stop.Cancel(); // a failed merge stops the feed; a finished one has nothing left to stop
            await feeding;
        }
    }

    private async Task FeedAsync(ChannelReader<StagedChunk> chunks, ChannelWriter<FedChunk> fed, CancellationToken ct)
    {
        try
        {
            await foreach (var chunk in chunks.ReadAllAsync(ct))
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                _merging = _merging && (chunk.RejectedSoFar == 0 || request.SkipInvalid);
                var insert = _merging && chunk.Fresh.Tuples > 0;
                if (insert) await feed.CopyAsync(chunk.Fresh, ct);
                StationImporter.Trace($"chunk {chunk.Number}: {(insert ? $"{chunk.Fresh.Tuples} fed in {clock.ElapsedMilliseconds} ms" : "staged")}");
                await fed.WriteAsync(new(chunk, insert), ct);
            }
            fed.TryComplete();
        }
        catch (Exception e)
        {
            fed.TryComplete(e);
        }
    }

    private async Task MergeAsync(ChannelReader<FedChunk> fed, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await foreach (var (chunk, insert) in fed.ReadAllAsync(ct))
        {
            using var _ = chunk;
            _codeless |= chunk.Codeless > 0;
            var waited = clock.ElapsedMilliseconds;
            if (!insert)
            {
                await StagingTable.CopyAsync(conn, MergeScope.Rest.Table, [chunk.Rest, chunk.Fresh], ct);
                clock.Restart();
                continue;
            }
            await StagingTable.CopyAsync(conn, MergeScope.Rest.Table, [chunk.Rest], ct);
            _counts += new MergeCounts(await merge.InsertFreshAsync(feed.Table, chunk.Number, chunk.Fresh.Tuples, ct), 0, 0);
            StationImporter.Trace($"chunk {chunk.Number}: {chunk.Fresh.Tuples} inserted (waited {waited} ms for it, inserted by {clock.ElapsedMilliseconds} ms)");
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
