using NetTopologySuite.Geometries;
using StationMap.Coverage;
using StationMap.Coverage.Boundaries;
using StationMap.Coverage.Grid;
using StationMap.Coverage.Siting;

namespace StationMap.Tests.Coverage;

/// <summary>
/// A weight layer changes which station is critical and which site siting picks first, when both read the cell
/// weights the summary shares read. Hand-computable: a strip with station A well inside (its whole 1 km disc, π km²)
/// and station B on the east edge (half a disc, π/2 km²) under a polygon of 100 workers/km², 1 everywhere else.
/// </summary>
public class WeightedChoicesTests
{
    private static readonly GeometryFactory Factory = new();
    private const double A = 100.02, B = 100.10, Lat = 40.015, HalfDiscKm2 = Math.PI / 2;

    private static Polygon Box(double west, double south, double east, double north) => Factory.CreatePolygon(
        [new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);

    private static readonly Polygon Strip = Box(100.00, 40.00, 100.10, 40.03); // about 8.5 × 3.3 km, no station near
    private static readonly WeightPolygon[] Layer = [new(Box(100.08, 39.99, 100.12, 40.04), 100), new(Box(99.9, 39.9, 100.2, 40.1), 1)];

    private static (DistrictCoverage Coverage, double[] ByLayer) Build(IEnumerable<CoverageStation> stations)
    {
        var cells = HexGrid.Build(Strip, 100);
        var coverage = new DistrictCoverage(new DistrictBoundary("upload", "strip", Strip), cells, new SpheroidRadius(1000), stations);
        return (coverage, LayerWeights.Weigh(cells, Strip, Layer));
    }

    [Fact]
    public void By_area_the_station_with_the_whole_disc_is_critical_but_the_layer_makes_it_the_one_in_the_heavy_polygon()
    {
        var (c, byLayer) = Build([new CoverageStation(1, "A", "inside", A, Lat), new CoverageStation(2, "B", "east edge", B, Lat)]);

        var byArea = CriticalStations.Find(c.Index, c.Cells.Weight, c.Counts, c.Stations, c.Reach, 2);
        Assert.Equal(["A", "B"], byArea.Select(s => s.Code));
        Assert.InRange(byArea[0].Loss1 / 1e6, 2 * HalfDiscKm2 * 0.97, 2 * HalfDiscKm2 * 1.03); // m² of cells only A reaches
        Assert.InRange(byArea[1].Loss1 / 1e6, HalfDiscKm2 * 0.95, HalfDiscKm2 * 1.05);

        var weighted = CriticalStations.Find(c.Index, byLayer, c.Counts, c.Stations, c.Reach, 2);
        Assert.Equal(["B", "A"], weighted.Select(s => s.Code));
        Assert.InRange(weighted[0].Loss1, 101 * HalfDiscKm2 * 0.95, 101 * HalfDiscKm2 * 1.05); // (100 + 1) workers/km² × π/2 km²
        Assert.InRange(weighted[1].Loss1, 2 * HalfDiscKm2 * 0.97, 2 * HalfDiscKm2 * 1.03);   // 1 worker/km² × π km²
    }

    [Fact]
    public void Siting_picks_the_bigger_area_first_by_area_and_the_heavy_polygon_first_with_the_layer()
    {
        var (c, byLayer) = Build([]);
        SitingCandidate[] candidates = [new(A, Lat, "inside"), new(B, Lat, "east edge")];

        var byArea = GreedySiting.Run(c.Index, c.Cells.Weight, c.Counts, candidates, c.Reach, 1);
        Assert.Equal("inside", byArea.Picks[0].Label);
        Assert.InRange(byArea.Picks[0].Gain / 1e6, 2 * HalfDiscKm2 * 0.97, 2 * HalfDiscKm2 * 1.03);

        var weighted = GreedySiting.Run(c.Index, byLayer, c.Counts, candidates, c.Reach, 2);
        Assert.Equal(["east edge", "inside"], weighted.Picks.Select(p => p.Label));
        Assert.InRange(weighted.Picks[0].Gain, 101 * HalfDiscKm2 * 0.95, 101 * HalfDiscKm2 * 1.05);
        Assert.Equal(byLayer.Sum(), weighted.Weight, 6); // shares are of the layer's total
    }
}
