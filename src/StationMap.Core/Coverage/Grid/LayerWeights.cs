using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace StationMap.Coverage.Grid;

/// <summary>A polygon of an uploaded weight layer (WGS-84) and its weight per km², e.g. outdoor workers per km².</summary>
public sealed record WeightPolygon(Geometry Wgs, double WeightPerKm2);

/// <summary>
/// Cell weights from a layer instead of areas: a cell's weight = Σ over the layer's polygons of weight × (area of
/// cell ∩ region ∩ polygon in km²). The layer is clipped to the region once, so a border cell only counts its part
/// inside; overlaps are exact polygon overlays in the grid's own projection, corrected by its area scale.
/// </summary>
public static class LayerWeights
{
    public static double[] Weigh(DemandSet cells, Geometry wgsRegion, IReadOnlyList<WeightPolygon> layer)
    {
        var grid = cells.Grid ?? throw new ArgumentException("Layer weights need grid cells, not points.", nameof(cells));
        var region = HexGrid.Project(wgsRegion, grid.Projection);
        var parts = new List<(Geometry Shape, double Weight)>();
        var index = new STRtree<int>();
        foreach (var p in layer)
        {
            var shape = HexGrid.Project(p.Wgs, grid.Projection).Intersection(region);
            if (shape.IsEmpty || shape.Area <= 0) continue;
            index.Insert(shape.EnvelopeInternal, parts.Count);
            parts.Add((shape, p.WeightPerKm2));
        }
        index.Build();

        var factory = region.Factory;
        var weights = new double[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            double cx = cells.X![i], cy = cells.Y![i];
            var hexagon = Hexagon(factory, cx, cy, grid.EdgeMetres);
            double sum = 0;
            foreach (var k in index.Query(hexagon.EnvelopeInternal))
                sum += parts[k].Weight * hexagon.Intersection(parts[k].Shape).Area / 1e6;
            weights[i] = sum / LocalProjection.AreaScale(cx);
        }
        return weights;
    }

    private static Polygon Hexagon(GeometryFactory factory, double cx, double cy, double edge)
    {
        var ring = new Coordinate[7];
        for (var k = 0; k < 6; k++)
        {
            var a = (30 + 60 * k) * Math.PI / 180;
            ring[k] = new Coordinate(cx + edge * Math.Cos(a), cy + edge * Math.Sin(a));
        }
        ring[6] = ring[0];
        return factory.CreatePolygon(ring);
    }
}
