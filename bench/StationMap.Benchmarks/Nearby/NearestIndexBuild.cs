using System.Diagnostics;
using StationMap.Nearby;
using StationMap.Nearby.Packed;
using StationMap.Samples;
using StationMap.Stations;

namespace StationMap.Benchmarks.Nearby;

/// <summary>
/// Build time and memory of the in-memory index for N generated stations.
/// Build = packing the rows (what the start-up read does row by row) + the tree; memory = the whole
/// managed heap afterwards, display text included, with the generated rows dropped. For comparison it also
/// reports what the same stations take as a plain list of <see cref="NearbyStation"/> records.
/// </summary>
internal static class NearestIndexBuild
{
    public static int Run(int count)
    {
        var (index, packMs, buildMs, recordsBytes) = Build(count);
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var heap = GC.GetTotalMemory(true);

        var query = new NearestRequest(116.4, 39.9, 5, null, [], null, false, DateTimeOffset.UtcNow);
        var q = Stopwatch.StartNew();
        const int queries = 100000;
        var rng = new Random(1);
        for (var i = 0; i < queries; i++)
        {
            var c = NearestQueryPoints.Cities[rng.Next(NearestQueryPoints.Cities.Count)];
            index.Search(query with { Lng = c.Lng + (rng.NextDouble() * 2 - 1) * NearestQueryPoints.Jitter, Lat = c.Lat + (rng.NextDouble() * 2 - 1) * NearestQueryPoints.Jitter });
        }
        q.Stop();

        Console.WriteLine($"stations={count} build_ms={buildMs} (pack {packMs} + tree {buildMs - packMs}) " +
            $"heap_mb={heap / 1048576.0:0} (text {index.Table.Text.Length / 1048576.0:0}) query_us={q.Elapsed.TotalMicroseconds / queries:0.0} " +
            $"as_records_mb={recordsBytes / 1048576.0:0}");
        GC.KeepAlive(index);
        return 0;
    }

    /// <summary>
    /// Generates the rows as the start-up read sees them (typed fields, not timed), then times packing them
    /// and building the tree. Its own frame, so nothing keeps the generated rows alive for the heap measurement.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (NearbyIndex Index, long PackMs, long BuildMs, long RecordsBytes) Build(int count)
    {
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var before = GC.GetTotalMemory(true);
        var generated = SampleStationGenerator.China(count, seed: 1)
            .Select((r, i) => new NearbyStation(i, r.Code, r.Name, r.Address, r.Lng, r.Lat, Enum.Parse<StationType>(r.Type, true),
                ServiceMask.SharedCodes(ServiceMask.Of(r.Services.Split(','))), r.Hours, null, r.Phone))
            .ToList();
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var recordsBytes = GC.GetTotalMemory(true) - before;
        var watch = Stopwatch.StartNew();
        var rows = new StationTableBuilder(1024, new HoursCache());
        foreach (var s in generated) rows.Add(s);
        var packMs = watch.ElapsedMilliseconds;
        var index = new NearbyIndexHolder().ReplaceAll(rows);
        return (index, packMs, watch.ElapsedMilliseconds, recordsBytes);
    }
}
