namespace StationMap.Api.Infrastructure;

/// <summary>
/// With <see cref="InlineIo"/>, code after an awaited socket read resumes on the socket thread that saw the data.
/// Staff endpoints that parse uploads or write files run their handler on <see cref="PoolScheduler"/> instead:
/// every await in our code (none uses ConfigureAwait(false)) then resumes on the thread pool, so an import's
/// seconds of work never hold up the public reads that share the socket thread.
/// </summary>
internal static class OffSocketThreads
{
    public static TBuilder RunOnThreadPool<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => new ValueTask<object?>(
            Task.Factory.StartNew(() => next(context).AsTask(), CancellationToken.None, TaskCreationOptions.DenyChildAttach, PoolScheduler.Instance)
                .Unwrap()));
}

/// <summary>Queues to the thread pool; as a non-default scheduler it is captured by awaits and keeps work there.</summary>
internal sealed class PoolScheduler : TaskScheduler
{
    public static readonly PoolScheduler Instance = new();

    protected override void QueueTask(Task task) =>
        ThreadPool.UnsafeQueueUserWorkItem(static t => Instance.TryExecuteTask(t), task, preferLocal: false);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread.IsThreadPoolThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
