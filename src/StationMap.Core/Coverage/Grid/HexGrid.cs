using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace StationMap.Coverage.Grid;

/// <summary>
/// A hexagonal grid (pointy-top, edge length <c>edge</c> metres) over a district, built in a transverse Mercator
/// projection centred on it and clipped to its outline: a cell away from the border is in or out by its centre;
/// a cell the border crosses keeps exactly its area inside (Green's theorem over the parts of the border inside
/// the hexagon and the parts of the hexagon inside the district), which avoids a general polygon overlay per cell.
/// </summary>
public static class HexGrid
{
    public const double DefaultEdge = 100, MinEdge = 25, MaxEdge = 2000;
    private static readonly double Sqrt3 = Math.Sqrt(3);

    public static DemandSet Build(Geometry wgsOutline, double edge)
    {
        var env = wgsOutline.EnvelopeInternal;
        var projection = new LocalProjection(env.Centre.X, env.Centre.Y);
        var projected = Project(wgsOutline, projection);
        var rings = new RingEdges(projected, edge * 2);
        var locator = new IndexedPointInAreaLocator(projected);
        var box = projected.EnvelopeInternal;

        double rowStep = 1.5 * edge, colStep = Sqrt3 * edge;
        double x0 = box.MinX - colStep, y0 = box.MinY - edge;
        int rows = (int)Math.Ceiling((box.MaxY + edge - y0) / rowStep) + 1, cols = (int)Math.Ceiling((box.MaxX + colStep - x0) / colStep) + 2;
        var border = rings.MarkCells(x0, y0, rowStep, colStep, rows, cols, edge);
        double fullArea = 1.5 * Sqrt3 * edge * edge;

        var lng = new List<double>(); var lat = new List<double>(); var weight = new List<double>();
        var xs = new List<float>(); var ys = new List<float>(); var clipped = new List<bool>();
        var clipper = new HexClipper(rings, locator, edge);
        var crossings = new List<double>();
        for (var r = 0; r < rows; r++)
        {
            var cy = y0 + r * rowStep;
            // Scanline: where the row's centre line crosses the border; a centre is inside after an odd number.
            rings.Crossings(box.MinX, box.MaxX, cy, crossings);
            var next = 0;
            for (var c = 0; c < cols; c++)
            {
                var cx = x0 + (c + ((r & 1) == 1 ? 0.5 : 0)) * colStep;
                while (next < crossings.Count && crossings[next] < cx) next++;
                var inside = (next & 1) == 1;
                double area;
                bool isClipped = false;
                if (border[r * cols + c])
                {
                    area = clipper.AreaInside(cx, cy, out var crossed);
                    isClipped = crossed && area < fullArea * (1 - 1e-9);
                }
                else area = inside ? fullArea : 0;
                if (area <= 1e-6) continue;
                projection.Inverse(cx, cy, out var cLng, out var cLat);
                lng.Add(cLng); lat.Add(cLat); weight.Add(area / LocalProjection.AreaScale(cx));
                xs.Add((float)cx); ys.Add((float)cy); clipped.Add(isClipped);
            }
        }
        return new DemandSet
        {
            Lng = [.. lng], Lat = [.. lat], Weight = [.. weight], X = [.. xs], Y = [.. ys], Clipped = [.. clipped],
            Grid = new HexGridInfo(projection, edge),
        };
    }

    /// <summary>A cell's hexagon back in WGS-84 (for GeoJSON); vertices counter-clockwise, ring closed.</summary>
    public static (double Lng, double Lat)[] HexagonWgs(HexGridInfo grid, double cx, double cy)
    {
        var ring = new (double, double)[7];
        for (var i = 0; i < 6; i++)
        {
            var a = (30 + 60 * i) * Math.PI / 180;
            grid.Projection.Inverse(cx + grid.EdgeMetres * Math.Cos(a), cy + grid.EdgeMetres * Math.Sin(a), out var x, out var y);
            ring[i] = (x, y);
        }
        ring[6] = ring[0];
        return ring;
    }

    /// <summary>Projected area of the outline, corrected to true area (for the grid-vs-region check).</summary>
    public static double RegionArea(Geometry wgsOutline)
    {
        var env = wgsOutline.EnvelopeInternal;
        var projection = new LocalProjection(env.Centre.X, env.Centre.Y);
        var projected = Project(wgsOutline, projection);
        return projected.Area / LocalProjection.AreaScale(projected.Centroid.X);
    }

    internal static Geometry Project(Geometry wgs, LocalProjection projection)
    {
        var copy = wgs.Copy();
        copy.Apply(new ProjectFilter(projection));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class ProjectFilter(LocalProjection projection) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                projection.Forward(seq.GetX(i), seq.GetY(i), out var x, out var y);
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
