namespace StationMap.Import;

/// <summary>
/// At most <see cref="ImportOptions.MaxConcurrentUploads"/> uploaded files (imports and result files) are processed at
/// once; the others wait in arrival order. Each waiting upload can tell its place in the queue.
/// </summary>
public sealed class UploadGate(ImportOptions options)
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentUploads);
    private long _arrived, _admitted;

    /// <summary>Waits for a slot; <paramref name="position"/> is told the number of uploads ahead (0 = running), checked every second while it waits.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct, IProgress<long>? position = null)
    {
        var ticket = Interlocked.Increment(ref _arrived);
        try
        {
            while (!await _slots.WaitAsync(TimeSpan.FromSeconds(1), ct))
                position?.Report(Math.Max(1, ticket - Interlocked.Read(ref _admitted)));
        }
        finally
        {
            // Admitted or gone: either way no longer ahead of anyone.
            Interlocked.Increment(ref _admitted);
        }
        position?.Report(0);
        return new Slot(_slots);
    }

    /// <summary>Uploads waiting now.</summary>
    public long Waiting => Math.Max(0, Interlocked.Read(ref _arrived) - Interlocked.Read(ref _admitted));

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
