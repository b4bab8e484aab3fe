using StationMap.Api.Infrastructure;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>
/// With inline I/O, awaited socket reads complete on the socket thread. Staff endpoints that do seconds of work
/// run on <see cref="PoolScheduler"/> so that work comes back to the thread pool instead.
/// </summary>
public class InlineIoTests
{
    [Fact]
    public async Task Work_on_the_pool_scheduler_resumes_on_the_pool_when_an_await_completes_on_another_thread()
    {
        Assert.True(await ResumesOnPool(PoolScheduler.Instance));
        // The control: on the default scheduler the continuation runs on whichever thread completed the await.
        Assert.False(await ResumesOnPool(TaskScheduler.Default));
    }

    [Fact]
    public void Only_the_api_process_itself_takes_the_runtime_switch_and_an_operator_value_wins()
    {
        Assert.True(InlineIo.OwnsProcess(typeof(InlineIo).Assembly));
        Assert.False(InlineIo.OwnsProcess(typeof(InlineIoTests).Assembly)); // a test host embedding the app

        var before = Environment.GetEnvironmentVariable(InlineIo.RuntimeSwitch);
        try
        {
            // Never "1" here: this test process's own sockets must keep the default scheduling.
            Environment.SetEnvironmentVariable(InlineIo.RuntimeSwitch, "0");
            Assert.False(InlineIo.TakeRuntimeSwitch());
            Assert.Equal("0", Environment.GetEnvironmentVariable(InlineIo.RuntimeSwitch));
        }
        finally
        {
            Environment.SetEnvironmentVariable(InlineIo.RuntimeSwitch, before);
        }
    }

    private static async Task<bool> ResumesOnPool(TaskScheduler scheduler)
    {
        var io = new TaskCompletionSource(); // completes its awaiters synchronously, as an inline socket completion does
        var waiting = new ManualResetEventSlim();
        var resumedOnPool = false;
        var work = Task.Factory.StartNew(async () =>
        {
            waiting.Set();
            await io.Task;
            resumedOnPool = Thread.CurrentThread.IsThreadPoolThread;
        }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap();
        waiting.Wait();
        await Task.Delay(20); // the work is now parked on io
        var socketThread = new Thread(() => io.SetResult()) { IsBackground = true };
        socketThread.Start();
        socketThread.Join();
        await work;
        return resumedOnPool;
    }
}
