using StationMap.Import;

namespace StationMap.Api;

/// <summary>
/// Runs queued imports in the background, at most <see cref="ImportOptions.MaxConcurrentUploads"/> at once (the same
/// <see cref="UploadGate"/> as result-file uploads). At start-up, jobs a crash left queued or running are marked failed.
/// </summary>
internal sealed partial class ImportJobRunner(IServiceScopeFactory scopes, ImportQueue queue, UploadGate gate, ImportOptions options,
    ILogger<ImportJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var failed = await scope.ServiceProvider.GetRequiredService<ImportJobStore>().FailInterruptedAsync(stopping);
                if (failed > 0) LogInterrupted(failed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStartupCheckFailed(e); // the database may be down at start; those jobs are failed at the next start
        }
        await Task.WhenAll(Enumerable.Range(0, options.MaxConcurrentUploads).Select(_ => WorkAsync(stopping)));
    }

    private async Task WorkAsync(CancellationToken stopping)
    {
        await foreach (var item in queue.Reader.ReadAllAsync(stopping))
        {
            try
            {
                using var slot = await gate.EnterAsync(stopping);
                var cancel = queue.Start(item.JobId);
                using var both = CancellationTokenSource.CreateLinkedTokenSource(cancel, stopping);
                var request = item.Request with { Progress = new Progress(queue, item.JobId) };
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StationImporter>().RunQueuedAsync(item.JobId, request, both.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                LogJobFailed(e, item.JobId);
                await FailAsync(item.JobId); // if even that fails, the job is failed at the next start
            }
            finally
            {
                queue.Finish(item.JobId);
                await item.Request.Content.DisposeAsync();
                File.Delete(item.TempFile);
            }
        }
    }

    private async Task FailAsync(long jobId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ImportJobStore>().FailAsync(jobId, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogJobFailed(e, jobId);
        }
    }

    /// <summary>Progress reported synchronously, straight into the queue's board (no captured context).</summary>
    private sealed class Progress(ImportQueue queue, long jobId) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress p) => queue.Report(jobId, new ImportJobProgress(p.Rows, p.Valid, p.Written, p.Stage));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marked {Count} import jobs failed that a previous run left unfinished")]
    private partial void LogInterrupted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check for unfinished import jobs at start-up")]
    private partial void LogStartupCheckFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed")]
    private partial void LogJobFailed(Exception e, long jobId);
}
