using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StationMap.Api.Nearby;
using StationMap.Geo;
using StationMap.Nearby;
using StationMap.Nearby.Packed;
using StationMap.Samples;
using StationMap.Stations;

namespace StationMap.Benchmarks.Nearby;

/// <summary>
/// Where one nearest request's in-process time goes (parameters, search, response model, JSON), each part timed
/// alone over the same query points, with the bytes it allocates. `nearest-request-parts [stations]`.
/// </summary>
internal static class NearestRequestParts
{
    public static int Run(int count)
    {
        var rows = new StationTableBuilder(count);
        foreach (var r in SampleStationGenerator.China(count, seed: 1))
            rows.Add(new NearbyStation(rows.Count, r.Code, r.Name, r.Address, r.Lng, r.Lat, Enum.Parse<StationType>(r.Type, true),
                ServiceMask.SharedCodes(ServiceMask.Of(r.Services.Split(','))), r.Hours, null, r.Phone));
        var index = new NearbyIndex(rows);
        var rng = new Random(1);
        var queries = Enumerable.Range(0, 2000).Select(_ =>
        {
            var c = NearestQueryPoints.Cities[rng.Next(NearestQueryPoints.Cities.Count)];
            return new QueryCollection(new Dictionary<string, StringValues>
            {
                ["lng"] = (c.Lng + (rng.NextDouble() * 2 - 1) * NearestQueryPoints.Jitter).ToString("F6", System.Globalization.CultureInfo.InvariantCulture),
                ["lat"] = (c.Lat + (rng.NextDouble() * 2 - 1) * NearestQueryPoints.Jitter).ToString("F6", System.Globalization.CultureInfo.InvariantCulture),
            });
        }).ToArray();
        var now = DateTimeOffset.UtcNow;
        var parsed = queries.Select(q => NearestParameters.Parse(q, now)).ToArray();
        var hits = parsed.Select(p => index.Search(p.Request!)).ToArray();
        var models = parsed.Select((p, i) => NearestResponse.From(hits[i], p.Request!, p.Origin, p.Output, "index")).ToArray();

        Time("parameters", i => NearestParameters.Parse(queries[i], now));
        Time("search", i => index.Search(parsed[i].Request!));
        Time("response model", i => NearestResponse.From(hits[i], parsed[i].Request!, parsed[i].Origin, parsed[i].Output, "index"));
        Time("links", i =>
        {
            var links = NavigationLinks.From(parsed[i].Origin);
            foreach (var h in hits[i]) links.To(Coordinate.Wgs84(h.Station.Lng, h.Station.Lat), "驿站");
        });
        Time("conversions", i =>
        {
            foreach (var h in hits[i]) { Coordinate.Wgs84(h.Station.Lng, h.Station.Lat).To(CoordSys.Gcj02); Coordinate.Wgs84(h.Station.Lng, h.Station.Lat).To(CoordSys.Bd09); }
        });
        Time("json", i => System.Text.Json.JsonSerializer.Serialize(Stream.Null, models[i], NearbyJsonContext.Web.NearestResponse));
        return 0;

        void Time(string part, Action<int> run)
        {
            for (var i = 0; i < 20_000; i++) run(i % queries.Length); // warm-up (tiered compilation)
            const int n = 100_000;
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) run(i % queries.Length);
            watch.Stop();
            Console.WriteLine($"{part,-15} {watch.Elapsed.TotalMicroseconds / n,6:0.0} µs  {(GC.GetAllocatedBytesForCurrentThread() - bytes) / n,6} B");
        }
    }
}
