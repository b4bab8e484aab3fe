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

    public static void Configure(WebApplicationBuilder builder)
    {
        var on = builder.Configuration.GetValue(Setting, false);
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = on);
        if (on && OwnsProcess(Assembly.GetEntryAssembly())) TakeRuntimeSwitch();
    }

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
