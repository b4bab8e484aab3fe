using System.Diagnostics;
using StationMap.Hours;
using StationMap.Nearby;
using StationMap.Samples;
using StationMap.Stations;

namespace StationMap.Benchmarks.Nearby;

/// <summary>Build time and memory of the in-memory index for N generated stations (target at 1.5M: &lt; 3 s, &lt; 300 MB).</summary>
internal static class NearestIndexBuild
{
    public static int Run(int count)
    {
        var hours = new HoursCache();
        var stations = SampleStationGenerator.China(count, seed: 1)
            .Select((r, i) => new NearbyStation(i, r.Code, r.Name, r.Address, r.Lng, r.Lat, Enum.Parse<StationType>(r.Type, true),
                r.Services.Split(','), r.Hours, hours.Get(r.Hours), r.Phone))
            .ToList();
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var before = GC.GetTotalMemory(true);
        var watch = Stopwatch.StartNew();
        var holder = new NearbyIndexHolder();
        var index = holder.ReplaceAll(stations);
        watch.Stop();
        var afterBuild = GC.GetTotalMemory(true);
        stations = null;
        var withStations = GC.GetTotalMemory(true);

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

        Console.WriteLine($"stations={count} build_ms={watch.ElapsedMilliseconds} index_mb={(afterBuild - before) / 1048576.0:0} " +
            $"index_plus_records_mb={withStations / 1048576.0:0} query_us={q.Elapsed.TotalMicroseconds / queries:0.0}");
        GC.KeepAlive(holder);
        return 0;
    }
}
