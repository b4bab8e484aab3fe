using System.Diagnostics;

namespace StationMap.Feeds.Export;

/// <summary>
/// Phase timings of an export, printed to stderr when STATIONMAP_FEED_TIMINGS=1 (bench/feeds.sh sets it).
/// Off by default: then every call is a cheap no-op. Phases with the same name add up (per-row parts).
/// </summary>
public static class FeedTimings
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("STATIONMAP_FEED_TIMINGS") == "1";
    private static readonly List<(string Phase, long Ticks)> Phases = [];
    // Phase name → index in Phases: per-row phases are added 140k times, so no linear search each time.
    private static readonly Dictionary<string, int> Index = [];

    /// <summary>Times a block: <c>using (FeedTimings.Measure("read")) …</c>.</summary>
    public static Phase Measure(string name) => new(Enabled ? name : null, Enabled ? Stopwatch.GetTimestamp() : 0);

    public static void Add(string name, long ticks)
    {
        if (!Enabled) return;
        lock (Phases)
        {
            if (Index.TryGetValue(name, out var i)) Phases[i] = (name, Phases[i].Ticks + ticks);
            else
            {
                Index[name] = Phases.Count;
                Phases.Add((name, ticks));
            }
        }
    }

    /// <summary>Records the time from process start to now (runtime, host, JIT of the command line) as a phase.</summary>
    public static void SinceProcessStart(string name)
    {
        if (Enabled) Add(name, (long)((DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds * Stopwatch.Frequency));
    }

    /// <summary>The time spent inside the source's MoveNext (e.g. the data reader), apart from what consumes it.</summary>
    public static IEnumerable<T> Timed<T>(string name, IEnumerable<T> source)
    {
        if (!Enabled) return source;
        return Iterate();

        IEnumerable<T> Iterate()
        {
            long spent = 0;
            using var e = source.GetEnumerator();
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                var more = e.MoveNext();
                spent += Stopwatch.GetTimestamp() - start;
                if (!more) break;
                yield return e.Current;
            }
            Add(name, spent);
        }
    }

    /// <summary>Process start-up (runtime, host, JIT of Main) up to now, then every phase, in milliseconds.</summary>
    public static void Print(TextWriter to)
    {
        if (!Enabled) return;
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        to.WriteLine($"timings: process {sinceStart.TotalMilliseconds:0} ms wall, {cpu.TotalMilliseconds:0} ms CPU; GC heap {GC.GetTotalMemory(false) / 1e6:0} MB, gen2 {GC.CollectionCount(2)}");
        lock (Phases)
            foreach (var (phase, ticks) in Phases)
                to.WriteLine($"  {phase,-28} {Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds,8:0} ms");
    }

    public readonly struct Phase(string? name, long start) : IDisposable
    {
        public void Dispose()
        {
            if (name is not null) Add(name, Stopwatch.GetTimestamp() - start);
        }
    }
}
