using System.Collections.Concurrent;
using System.Threading.Channels;

namespace StationMap.Import;

/// <summary>One queued import: the request (its file in a temporary file the job deletes) and the job it runs as.</summary>
public sealed record QueuedImport(long JobId, ImportRequest Request, string TempFile);

/// <summary>What a running job has done so far (rows read, rows that passed validation, rows written when merged).</summary>
public sealed record ImportJobProgress(int RowsRead, int RowsValidated, int RowsWritten, string Stage);

/// <summary>
/// The imports waiting or running in this process: a bounded queue the job runner takes them from (at most
/// <see cref="ImportOptions.MaxConcurrentUploads"/> at once), each job's place in the queue, its progress and a way to cancel it.
/// </summary>
public sealed class ImportQueue(ImportOptions options)
{
    private readonly Channel<QueuedImport> _queue = Channel.CreateBounded<QueuedImport>(new BoundedChannelOptions(options.MaxQueuedImports)
        { FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _cancel = new();
    private readonly ConcurrentDictionary<long, ImportJobProgress> _progress = new();
    private readonly List<long> _waiting = [];

    public ChannelReader<QueuedImport> Reader => _queue.Reader;

    /// <summary>False when the queue is full (the caller answers 503 and deletes the file).</summary>
    public bool TryEnqueue(QueuedImport item)
    {
        lock (_waiting)
        {
            if (!_queue.Writer.TryWrite(item)) return false;
            _waiting.Add(item.JobId);
        }
        _cancel[item.JobId] = new CancellationTokenSource();
        return true;
    }

    /// <summary>Taken by a runner: out of the queue; its cancellation token.</summary>
    public CancellationToken Start(long jobId)
    {
        lock (_waiting) _waiting.Remove(jobId);
        return _cancel.GetOrAdd(jobId, _ => new CancellationTokenSource()).Token;
    }

    public void Finish(long jobId)
    {
        _progress.TryRemove(jobId, out _);
        if (_cancel.TryRemove(jobId, out var cts)) cts.Dispose();
    }

    /// <summary>1 for the next job to run, 0 when not waiting.</summary>
    public int PositionOf(long jobId)
    {
        lock (_waiting) return _waiting.IndexOf(jobId) + 1;
    }

    /// <summary>Asks a queued or running job to stop; false when this process does not run it.</summary>
    public bool Cancel(long jobId)
    {
        if (!_cancel.TryGetValue(jobId, out var cts)) return false;
        try { cts.Cancel(); } catch (ObjectDisposedException) { return false; }
        return true;
    }

    public void Report(long jobId, ImportJobProgress progress) => _progress[jobId] = progress;

    public ImportJobProgress? ProgressOf(long jobId) => _progress.GetValueOrDefault(jobId);
}
