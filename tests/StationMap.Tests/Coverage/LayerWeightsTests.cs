using NetTopologySuite.Geometries;
using StationMap.Coverage.Grid;

namespace StationMap.Tests.Coverage;

public class LayerWeightsTests
{
    private static readonly GeometryFactory Factory = new();

    private static Polygon Box(double west, double south, double east, double north) => Factory.CreatePolygon(
        [new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);

    [Fact]
    public void A_cell_weighs_the_layer_weight_times_its_overlap_in_km2()
    {
        // A 0.02° square near 中关村 on 200 m cells; the layer: 1,000 workers/km² over its west half, 10 over all of it.
        var region = Box(116.30, 39.98, 116.32, 40.00);
        var cells = HexGrid.Build(region, 200);
        var layer = new[] { new WeightPolygon(Box(116.29, 39.97, 116.31, 40.01), 1000), new WeightPolygon(Box(116.2, 39.9, 116.4, 40.1), 10) };
        var weights = LayerWeights.Weigh(cells, region, layer);

        // Hand-computed: a whole hexagon of edge 200 m is 1.5·√3·0.2² = 0.103923 km² (scale factor ≈ 1 near the centre).
        const double hexKm2 = 1.5 * 1.7320508075688772 * 0.04;
        var west = Enumerable.Range(0, cells.Count).First(i => !cells.Clipped![i] && cells.Lng[i] < 116.305 && Math.Abs(cells.Lat[i] - 39.99) < 0.003);
        var east = Enumerable.Range(0, cells.Count).First(i => !cells.Clipped![i] && cells.Lng[i] > 116.315 && Math.Abs(cells.Lat[i] - 39.99) < 0.003);
        Assert.Equal(1010 * hexKm2, weights[west], 3);
        Assert.Equal(10 * hexKm2, weights[east], 3);

        // The total: 1,000 × the west half's area + 10 × the region's area (both in km², clipped to the region).
        var total = 1000 * HexGrid.RegionArea(Box(116.30, 39.98, 116.31, 40.00)) / 1e6 + 10 * HexGrid.RegionArea(region) / 1e6;
        Assert.InRange(weights.Sum() / total, 1 - 1e-3, 1 + 1e-3);

        // No layer polygon over a cell: weight 0.
        Assert.All(LayerWeights.Weigh(cells, region, [new WeightPolygon(Box(117, 41, 117.1, 41.1), 5)]), w => Assert.Equal(0, w));
    }
}
