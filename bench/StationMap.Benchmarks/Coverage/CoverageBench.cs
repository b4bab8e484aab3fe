using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using StationMap.Coverage;
using StationMap.Coverage.Boundaries;
using StationMap.Coverage.Siting;
using StationMap.Data;

namespace StationMap.Benchmarks.Coverage;

/// <summary>
/// `coverage-beijing CONNECTION`: Beijing's 16 districts at 100 m cells against the stations in the database, each
/// step timed, then the reference PostGIS statement (ST_DWithin on the geography GiST index, one count per cell
/// centre) in the same run, with the counts compared; then one station change and siting k = 50 in 海淀区.
/// </summary>
internal static class CoverageBench
{
    public static async Task<int> RunAsync(string connection)
    {
        await using var db = StationMapDataSource.Create(connection);
        var districts = DistrictBoundaries.LoadDefault().Within("110000");
        var reach = new SpheroidRadius(1000);
        await CoverageStationReader.ReadAsync(db, null, default); // warm the connection
        DistrictCoverage.Build(districts[0], 100, reach, []);     // and the JIT

        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var stations = await CoverageStationReader.ReadAsync(db, null, default);
        var read = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var grids = new DemandSet[districts.Count];
        Parallel.For(0, districts.Count, i => grids[i] = StationMap.Coverage.Grid.HexGrid.Build(districts[i].Outline, 100));
        var grid = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var coverages = new DistrictCoverage[districts.Count];
        Parallel.For(0, districts.Count, i => coverages[i] = new DistrictCoverage(districts[i], grids[i], reach, stations));
        var counts = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var figures = coverages.Select(c => c.Figures(c.Counts, c.Stations, 10)).ToList();
        var summary = clock.Elapsed.TotalSeconds;
        var whole = total.Elapsed.TotalSeconds;
        var cells = grids.Sum(g => g.Count);

        // Reference: the same cell centres counted by PostGIS.
        await using var conn = await db.OpenConnectionAsync();
        await using (var c = new NpgsqlCommand("DROP TABLE IF EXISTS bench_cells; CREATE UNLOGGED TABLE bench_cells (id int, g geography(Point, 4326))", conn)) await c.ExecuteNonQueryAsync();
        await using (var w = await conn.BeginBinaryImportAsync("COPY bench_cells (id, g) FROM STDIN (FORMAT BINARY)"))
        {
            var id = 0;
            foreach (var g in grids)
                for (var i = 0; i < g.Count; i++)
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(id++, NpgsqlDbType.Integer);
                    await w.WriteAsync(new NetTopologySuite.Geometries.Point(g.Lng[i], g.Lat[i]) { SRID = 4326 }, NpgsqlDbType.Geography);
                }
            await w.CompleteAsync();
        }
        await using (var c = new NpgsqlCommand("ANALYZE bench_cells; ANALYZE stations", conn)) await c.ExecuteNonQueryAsync();
        clock.Restart();
        long pgSum, pg0, pg2;
        await using (var c = new NpgsqlCommand($"""
            SELECT sum(n), count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n >= 2) FROM (
              SELECT (SELECT count(*) FROM stations s WHERE {StationMap.Nearby.NearbyStationReader.ServedCondition.Replace("deleted_at", "s.deleted_at")}
                      AND ST_DWithin(s.location, b.g, 1000)) AS n
              FROM bench_cells b) t
            """, conn) { CommandTimeout = 600 })
        await using (var r = await c.ExecuteReaderAsync())
        {
            await r.ReadAsync();
            (pgSum, pg0, pg2) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
        }
        var reference = clock.Elapsed.TotalSeconds;
        long ourSum = coverages.Sum(c => c.Counts.Sum(n => (long)n)), our0 = coverages.Sum(c => c.Counts.Count(n => n == 0)), our2 = coverages.Sum(c => c.Counts.Count(n => n >= 2));
        await using (var c = new NpgsqlCommand("DROP TABLE bench_cells", conn)) await c.ExecuteNonQueryAsync();

        // One station added, then closed again, in 海淀区: incremental vs a full recount.
        var haidian = coverages.First(c => c.District.Adcode == "110108");
        var added = stations.Append(new CoverageStation(-1, "X", "new", 116.30, 39.96)).ToList();
        clock.Restart();
        haidian.Sync(added);
        var incremental = clock.Elapsed.TotalMilliseconds;
        haidian.Sync(stations);
        clock.Restart();
        _ = new DistrictCoverage(haidian.District, haidian.Cells, reach, added);
        var recount = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var report = new CoverageReport("110108", 1000, 100, null!, [], [new DistrictResult(haidian, haidian.Counts, [.. haidian.Stations], 0)]);
        var siting = SitingRunner.Run(report, null, 1000, 50);
        var sitingSeconds = clock.Elapsed.TotalSeconds;

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"beijing: {districts.Count} districts, {cells:N0} cells, {figures.Sum(f => f.Weight) / 1e6:N1} km², {stations.Count:N0} stations"));
        Console.WriteLine(string.Create(inv, $"  read stations {read:0.000} s | grid+clip {grid:0.000} s | counts {counts:0.000} s | summary+critical {summary:0.000} s | whole {whole:0.000} s"));
        Console.WriteLine(string.Create(inv, $"  reference PostGIS ST_DWithin count per cell centre: {reference:0.000} s -> counts {reference / counts:0.0}x faster, whole computation {reference / whole:0.0}x"));
        Console.WriteLine(string.Create(inv, $"  counts agree: sum {ourSum} vs {pgSum}, zero {our0} vs {pg0}, >=2 {our2} vs {pg2}"));
        Console.WriteLine(string.Create(inv, $"  one station added in 110108: incremental {incremental:0.00} ms vs full recount {recount:0.0} ms"));
        Console.WriteLine(string.Create(inv, $"  siting k=50 in 110108: {sitingSeconds:0.00} s, {siting.Candidates:N0} candidates, >=2 {siting.BaseCovered2:P1} -> {siting.Picks[^1].Covered2:P1}, greedy >= {siting.Picks[^1].Objective / siting.OptimumUpperBound:P2} of the optimum (submodular bound)"));
        return ourSum == pgSum && our0 == pg0 && our2 == pg2 ? 0 : 1;
    }
}
