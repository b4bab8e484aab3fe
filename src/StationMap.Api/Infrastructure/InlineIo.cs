using System.Reflection;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// Handles requests on the socket threads instead of handing every read and write through the thread pool.
/// A nearest lookup costs microseconds; on two cores the thread hops around it cost more than the lookup itself
/// (bench/nearest.sh, 2 connections: 18k → 26k req/s). The price: code after an awaited socket read runs on a
/// socket thread, so long CPU work must be handed to the pool explicitly — the import reader, the feed writers
/// and the nearest-index builds are.
/// </summary>
internal static class InlineIo
{
    public const string Setting = "Server:InlineIo";
    public const string RuntimeSwitch = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Socket completions run inline in this process (the runtime half is on).</summary>
    public static bool RuntimeInline => Environment.GetEnvironmentVariable(RuntimeSwitch) == "1";

    public static void Configure(WebApplicationBuilder builder)
    {
        var on = builder.Configuration.GetValue(Setting, false);
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = on);
        if (on && OwnsProcess(Assembly.GetEntryAssembly())) TakeRuntimeSwitch();
    }

    /// <summary>
    /// A socket thread must never block on another socket's I/O. Npgsql does exactly that when a query's token
    /// fires mid-read: the reading (socket) thread waits for the cancel callback, which opens a connection and reads
    /// its reply synchronously — a stall of seconds once the reply's socket shares the blocked thread (seen in the
    /// benchmark when wrk dropped 16 connections on the SQL path). So with inline completions a client hanging up
    /// does not cancel the request's database work: reads here take milliseconds, and an import still finishes
    /// (or rolls back) and is recorded as a job.
    /// </summary>
    public static IApplicationBuilder UseInlineIoSafety(this IApplicationBuilder app) =>
        !RuntimeInline ? app : app.Use((http, next) =>
        {
            http.RequestAborted = CancellationToken.None;
            return next(http);
        });

    /// <summary>
    /// The runtime half is process-wide and read once from the environment, when the first socket is made (none is
    /// yet). So only this program's own process takes it — not a test host that embeds the app — and a value the
    /// operator set wins.
    /// </summary>
    internal static bool TakeRuntimeSwitch()
    {
        if (Environment.GetEnvironmentVariable(RuntimeSwitch) is not null) return false;
        Environment.SetEnvironmentVariable(RuntimeSwitch, "1");
        return true;
    }

    internal static bool OwnsProcess(Assembly? entry) => entry == typeof(InlineIo).Assembly;
}
