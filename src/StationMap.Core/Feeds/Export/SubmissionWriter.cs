using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using StationMap.Feeds.Profiles;
using StationMap.Publication;

namespace StationMap.Feeds.Export;

/// <summary>
/// Writes a batch's publication records while its rows are still streaming: submissions are handed over in chunks
/// and a background task upserts each chunk (one INSERT … SELECT FROM unnest(arrays) … ON CONFLICT, touching only
/// records that really change) on the exporter's connection, inside its transaction. PostgreSQL's share (heap and two
/// indexes) then runs on the other core beside the row building
/// and file writing instead of after it. Chunks keep the stream's (adcode, code) order, so concurrent exports lock
/// records in one global order.
/// </summary>
/// <remarks>
/// The batch row can only be written once the files are known (files equal to the latest batch of the same profile,
/// scope and kind return that batch), so the records point to a guess: that latest batch when there is one (a
/// re-export after status changes then needs no second write of every record), else an id reserved from the batch
/// sequence with the first chunk. <see cref="MoveToAsync"/> re-points this transaction's records when the guess was
/// wrong. No submissions (a plain repeat) reserve nothing.
/// </remarks>
internal sealed class SubmissionWriter
{
    // Small enough that the last chunk, written after the stream ends, is short; large enough that chunks add no cost.
    private const int ChunkSize = 4096;
    // The state text as before (enum name in lower case), computed once per state instead of once per row.
    private static readonly string[] WireNames = Enum.GetValues<PublicationState>().Select(v => v.ToString().ToLowerInvariant()).ToArray();

    private readonly NpgsqlConnection _conn;
    private readonly FeedProfile _profile;
    private readonly string _actor;
    private readonly Channel<List<Submission>> _chunks = Channel.CreateUnbounded<List<Submission>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _writer;
    private List<Submission> _chunk = new(ChunkSize);

    /// <param name="latestBatchId">The latest batch of the same profile, scope and kind, if any: the first guess.</param>
    public SubmissionWriter(NpgsqlConnection conn, FeedProfile profile, string actor, long? latestBatchId, CancellationToken ct)
    {
        (_conn, _profile, _actor, _latest) = (conn, profile, actor, latestBatchId);
        _writer = Task.Run(() => WriteAsync(ct), ct);
    }

    private readonly long? _latest;

    /// <summary>The batch id the written records point to; null while nothing was written.</summary>
    public long? BatchId { get; private set; }

    /// <summary>Whether <see cref="BatchId"/> is a new id reserved from the sequence (the new batch row takes it).</summary>
    public bool Reserved { get; private set; }

    public int Count { get; private set; }

    /// <summary>Called by the streaming thread for every record that changes.</summary>
    public void Add(Submission s)
    {
        _chunk.Add(s);
        Count++;
        if (_chunk.Count == ChunkSize) Flush();
    }

    /// <summary>Hands over the last chunk and waits until every record is written (rethrows the writer's error).</summary>
    public async Task CompleteAsync()
    {
        Flush();
        _chunks.Writer.TryComplete();
        await _writer;
    }

    /// <summary>After a failed stream: stops the writer so the connection is free for the rollback.</summary>
    public async Task AbortAsync()
    {
        _chunks.Writer.TryComplete();
        try { await _writer; }
        catch (Exception) { /* the stream's error is the one reported */ }
    }

    /// <summary>Points the records this transaction wrote to the batch that was finally recorded (when the guess was wrong).</summary>
    public async Task MoveToAsync(long batchId, CancellationToken ct)
    {
        if (BatchId is not { } guess || guess == batchId) return;
        await using var cmd = new NpgsqlCommand("""
            UPDATE publication_records SET last_batch_id = @to,
              reason = CASE WHEN state = 'withdrawn' THEN '已撤回 / withdrawn in batch ' || @to ELSE reason END
            WHERE provider = @provider AND last_batch_id = @from AND xmin = pg_current_xact_id()::xid
            """, _conn);
        cmd.Parameters.AddWithValue("to", batchId);
        cmd.Parameters.AddWithValue("provider", _profile.Provider);
        cmd.Parameters.AddWithValue("from", guess);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private void Flush()
    {
        if (_chunk.Count == 0) return;
        _chunks.Writer.TryWrite(_chunk);
        _chunk = new List<Submission>(ChunkSize);
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        await foreach (var chunk in _chunks.Reader.ReadAllAsync(ct))
        {
            if (BatchId is null)
            {
                Reserved = _latest is null;
                BatchId = _latest ?? await ReserveBatchIdAsync(ct);
            }
            await UpsertAsync(chunk, BatchId.Value, ct);
        }
    }

    private async Task<long> ReserveBatchIdAsync(CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('export_batches', 'id'))", _conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task UpsertAsync(List<Submission> chunk, long batchId, CancellationToken ct)
    {
        var ids = new long[chunk.Count];
        var codes = new string[chunk.Count];
        var states = new string[chunk.Count];
        var hashes = new string?[chunk.Count];
        for (var i = 0; i < chunk.Count; i++)
            (ids[i], codes[i], states[i], hashes[i]) = (chunk[i].StationId, chunk[i].Code, WireNames[(int)chunk[i].State], chunk[i].Hash);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO publication_records (station_id, station_code, provider, state, content_hash, profile, last_batch_id, submitted_at, updated_at, updated_by)
            SELECT station_id, station_code, @provider, state, content_hash, @profile, @batch, now(), now(), @actor
            FROM unnest(@ids, @codes, @states, @hashes) AS s (station_id, station_code, state, content_hash)
            ON CONFLICT (station_id, provider) DO UPDATE SET
              station_code = excluded.station_code, state = excluded.state, content_hash = excluded.content_hash,
              profile = excluded.profile, last_batch_id = excluded.last_batch_id, submitted_at = excluded.submitted_at,
              updated_at = excluded.updated_at, updated_by = excluded.updated_by,
              -- A withdrawn POI is gone on the provider's side: submitted again, the station gets a new id from the next result.
              provider_poi_id = CASE WHEN publication_records.state = 'withdrawn' AND excluded.state <> 'withdrawn' THEN NULL ELSE publication_records.provider_poi_id END,
              reason = CASE WHEN excluded.state = 'withdrawn' THEN '已撤回 / withdrawn in batch ' || @batch ELSE NULL END
            WHERE (publication_records.state, publication_records.content_hash, publication_records.profile, publication_records.last_batch_id)
              IS DISTINCT FROM (excluded.state, excluded.content_hash, excluded.profile, excluded.last_batch_id)
            """, _conn);
        cmd.Parameters.AddWithValue("provider", _profile.Provider);
        cmd.Parameters.AddWithValue("profile", _profile.Id);
        cmd.Parameters.AddWithValue("batch", batchId);
        cmd.Parameters.AddWithValue("actor", _actor);
        cmd.Parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint, ids);
        cmd.Parameters.AddWithValue("codes", NpgsqlDbType.Array | NpgsqlDbType.Text, codes);
        cmd.Parameters.AddWithValue("states", NpgsqlDbType.Array | NpgsqlDbType.Text, states);
        cmd.Parameters.AddWithValue("hashes", NpgsqlDbType.Array | NpgsqlDbType.Text, hashes);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
