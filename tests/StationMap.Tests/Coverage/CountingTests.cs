using StationMap.Coverage;
using StationMap.Geo;

namespace StationMap.Tests.Coverage;

public class CountingTests
{
    private static DemandSet RandomPoints(Random rng, int n) => new()
    {
        Lng = [.. Enumerable.Range(0, n).Select(_ => 116.3 + rng.NextDouble() * 0.2)],
        Lat = [.. Enumerable.Range(0, n).Select(_ => 39.85 + rng.NextDouble() * 0.15)],
        Weight = [.. Enumerable.Repeat(1.0, n)],
    };

    private static List<CoverageStation> RandomStations(Random rng, int n, int firstId = 1) =>
        [.. Enumerable.Range(0, n).Select(i => new CoverageStation(firstId + i, $"S{firstId + i}", "", 116.28 + rng.NextDouble() * 0.24, 39.83 + rng.NextDouble() * 0.19))];

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 500)]
    [InlineData(3, 1500)]
    public void Every_count_equals_a_direct_spheroid_distance_count(int seed, double radius)
    {
        var rng = new Random(seed);
        var points = RandomPoints(rng, 3000);
        var stations = RandomStations(rng, 400);
        // Some points sit on the circle itself, a few centimetres either side.
        for (var i = 0; i < 200; i++)
        {
            var s = stations[i];
            var bearing = rng.NextDouble() * 2 * Math.PI;
            var d = radius + (i % 2 == 0 ? -0.05 : 0.05);
            points.Lng[i] = s.Lng + d * Math.Sin(bearing) / (111_320 * Math.Cos(s.Lat * Math.PI / 180));
            points.Lat[i] = s.Lat + d * Math.Cos(bearing) / 110_950;
        }
        var reach = new SpheroidRadius(radius);
        var counts = CoverageCounts.Count(new DemandIndex(points, radius), stations, reach);
        for (var i = 0; i < points.Count; i++)
        {
            int direct = 0, nearEdge = 0;
            foreach (var s in stations)
            {
                var d = SpheroidDistance.Metres(s.Lng, s.Lat, points.Lng[i], points.Lat[i]);
                if (d <= radius) direct++;
                if (Math.Abs(d - radius) < 0.001) nearEdge++;
            }
            Assert.InRange(counts[i], direct - nearEdge, direct + nearEdge);
        }
    }

    [Fact]
    public void Incremental_updates_equal_a_full_recompute_after_random_station_changes()
    {
        var rng = new Random(7);
        var cells = RandomPoints(rng, 4000);
        var district = new StationMap.Coverage.Boundaries.DistrictBoundary("110101", "test", new NetTopologySuite.Geometries.Point(0, 0));
        var stations = RandomStations(rng, 150);
        var reach = new SpheroidRadius(1000);
        var stored = new DistrictCoverage(district, cells, reach, stations);
        var nextId = 1000;
        for (var step = 0; step < 60; step++)
        {
            var pick = rng.Next(stations.Count);
            switch (rng.Next(3))
            {
                case 0: stations.RemoveAt(pick); break;
                case 1: stations[pick] = stations[pick] with { Lng = stations[pick].Lng + (rng.NextDouble() - 0.5) * 0.02 }; break;
                default: stations.AddRange(RandomStations(rng, rng.Next(1, 4), nextId)); nextId += 10; break;
            }
            stored.Sync(stations);
            var full = new DistrictCoverage(district, cells, reach, stations);
            Assert.Equal(full.Counts, stored.Counts);
        }
    }

    [Fact]
    public void What_if_leaves_the_stored_counts_alone_and_reports_the_changed_cells()
    {
        var rng = new Random(11);
        var cells = RandomPoints(rng, 2000);
        var district = new StationMap.Coverage.Boundaries.DistrictBoundary("110101", "test", new NetTopologySuite.Geometries.Point(0, 0));
        var stations = RandomStations(rng, 80);
        var stored = new DistrictCoverage(district, cells, new SpheroidRadius(1000), stations);
        var before = (int[])stored.Counts.Clone();
        var (counts, after) = stored.WhatIf(new WhatIfChanges([stations[0].Id], [], [new WhatIfPlace(0, 116.4, 39.92, "new")]));
        Assert.Equal(before, stored.Counts);
        Assert.Equal(stations.Count, after.Count);
        Assert.NotEqual(before, counts);
        var fresh = CoverageCounts.Count(stored.Index, after, stored.Reach);
        Assert.Equal(fresh, counts);
    }
}
