using NetTopologySuite.Geometries;
using StationMap.Coverage.Boundaries;
using StationMap.Coverage.Grid;

namespace StationMap.Tests.Coverage;

public class HexGridTests
{
    private static readonly DistrictBoundaries Data = DistrictBoundaries.LoadDefault();

    [Theory]
    [InlineData("110101", 100)]
    [InlineData("110108", 100)]
    [InlineData("110119", 300)]
    public void Grid_area_equals_the_district_area_within_half_a_percent(string adcode, double edge)
    {
        var outline = Data.Find(adcode)!.Outline;
        var cells = HexGrid.Build(outline, edge);
        var area = HexGrid.RegionArea(outline);
        Assert.InRange(cells.TotalWeight / area, 0.995, 1.005);
        // Clipping is exact; what remains is the scale correction taken per cell vs at the centroid.
        Assert.InRange(cells.TotalWeight / area, 1 - 1e-4, 1 + 1e-4);
    }

    [Fact]
    public void Border_cells_keep_exactly_the_part_inside_the_district()
    {
        var outline = Data.Find("110102")!.Outline;
        var cells = HexGrid.Build(outline, 100);
        var projected = HexGrid.Project(outline, cells.Grid!.Projection);
        var factory = new GeometryFactory();
        var clipped = Enumerable.Range(0, cells.Count).Where(i => cells.Clipped![i]).ToList();
        Assert.True(clipped.Count > 100);
        foreach (var i in clipped.Where((_, n) => n % 7 == 0))
        {
            var ring = Enumerable.Range(0, 7).Select(k =>
            {
                var a = (30 + 60 * (k % 6)) * Math.PI / 180;
                return new Coordinate(cells.X![i] + 100 * Math.Cos(a), cells.Y![i] + 100 * Math.Sin(a));
            }).ToArray();
            var hex = factory.CreatePolygon(ring);
            var expected = hex.Intersection(projected).Area / LocalProjection.AreaScale(cells.X![i]);
            Assert.InRange(cells.Weight[i], expected - 0.5, expected + 0.5);
            Assert.True(cells.Weight[i] < 1.5 * Math.Sqrt(3) * 100 * 100);
        }
    }

    [Fact]
    public void Projection_round_trips_to_well_under_a_millimetre()
    {
        var p = new LocalProjection(116.4, 40.0);
        foreach (var (lng, lat) in new[] { (116.4, 40.0), (115.5, 39.4), (117.5, 41.1) })
        {
            p.Forward(lng, lat, out var x, out var y);
            p.Inverse(x, y, out var lng2, out var lat2);
            Assert.InRange(StationMap.Geo.SpheroidDistance.Metres(lng, lat, lng2, lat2), 0, 1e-4);
        }
        p.Forward(116.4, 40.009, out _, out var north);
        Assert.InRange(north, 999, 1001); // 0.009° of latitude ≈ 1 km at 40°N
    }
}
