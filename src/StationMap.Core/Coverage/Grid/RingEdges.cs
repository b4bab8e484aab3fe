using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace StationMap.Coverage.Grid;

/// <summary>
/// The outline's edges in projected metres, oriented so the inside is on the left (shells counter-clockwise,
/// holes clockwise), bucketed on a square grid so a hexagon finds the few edges near it.
/// </summary>
internal sealed class RingEdges
{
    public readonly double[] Ax, Ay, Bx, By;
    private readonly double _minX, _minY, _bucket;
    private readonly int _nx, _ny;
    private readonly int[] _start, _items;

    public RingEdges(Geometry projected, double bucket)
    {
        var ax = new List<double>(); var ay = new List<double>(); var bx = new List<double>(); var by = new List<double>();
        for (var g = 0; g < projected.NumGeometries; g++)
        {
            if (projected.GetGeometryN(g) is not Polygon polygon) continue;
            Add(polygon.Shell.Coordinates, counterClockwise: true);
            foreach (var hole in polygon.Holes) Add(hole.Coordinates, counterClockwise: false);
        }
        (Ax, Ay, Bx, By) = ([.. ax], [.. ay], [.. bx], [.. by]);

        var env = projected.EnvelopeInternal;
        (_minX, _minY, _bucket) = (env.MinX, env.MinY, bucket);
        _nx = Math.Max(1, (int)Math.Ceiling(env.Width / bucket) + 1);
        _ny = Math.Max(1, (int)Math.Ceiling(env.Height / bucket) + 1);
        var counts = new int[_nx * _ny + 1];
        ForEachBucket((b, _) => counts[b + 1]++);
        for (var i = 1; i < counts.Length; i++) counts[i] += counts[i - 1];
        _start = counts;
        _items = new int[counts[^1]];
        var fill = (int[])counts.Clone();
        ForEachBucket((b, e) => _items[fill[b]++] = e);

        void Add(Coordinate[] ring, bool counterClockwise)
        {
            if (Orientation.IsCCW(ring) != counterClockwise) ring = [.. ring.Reverse()];
            for (var i = 0; i + 1 < ring.Length; i++)
            {
                ax.Add(ring[i].X); ay.Add(ring[i].Y); bx.Add(ring[i + 1].X); by.Add(ring[i + 1].Y);
            }
        }
    }

    public int Count => Ax.Length;

    private void ForEachBucket(Action<int, int> visit)
    {
        for (var e = 0; e < Ax.Length; e++)
        {
            int x0 = BucketX(Math.Min(Ax[e], Bx[e])), x1 = BucketX(Math.Max(Ax[e], Bx[e]));
            int y0 = BucketY(Math.Min(Ay[e], By[e])), y1 = BucketY(Math.Max(Ay[e], By[e]));
            for (var y = y0; y <= y1; y++)
                for (var x = x0; x <= x1; x++) visit(y * _nx + x, e);
        }
    }

    private int BucketX(double x) => Math.Clamp((int)((x - _minX) / _bucket), 0, _nx - 1);
    private int BucketY(double y) => Math.Clamp((int)((y - _minY) / _bucket), 0, _ny - 1);

    /// <summary>Edges whose bucket overlaps the box, each once (<paramref name="seen"/> is a per-caller stamp array).</summary>
    public void Near(double minX, double minY, double maxX, double maxY, List<int> into, int[] seen, int stamp)
    {
        into.Clear();
        int x0 = BucketX(minX), x1 = BucketX(maxX), y0 = BucketY(minY), y1 = BucketY(maxY);
        for (var y = y0; y <= y1; y++)
            for (var x = x0; x <= x1; x++)
            {
                var b = y * _nx + x;
                for (var i = _start[b]; i < _start[b + 1]; i++)
                {
                    var e = _items[i];
                    if (seen[e] == stamp) continue;
                    seen[e] = stamp;
                    into.Add(e);
                }
            }
    }

    /// <summary>The x of every edge crossing the horizontal line at y, sorted (half-open in y, so a vertex counts once).</summary>
    public void Crossings(double minX, double maxX, double y, List<double> into)
    {
        into.Clear();
        var row = BucketY(y);
        var candidates = _rowScratch ??= [];
        candidates.Clear();
        for (var b = row * _nx; b < row * _nx + _nx; b++)
            for (var i = _start[b]; i < _start[b + 1]; i++) candidates.Add(_items[i]);
        candidates.Sort();
        var last = -1;
        foreach (var e in candidates)
        {
            if (e == last) continue;
            last = e;
            if ((Ay[e] <= y) == (By[e] <= y)) continue;
            into.Add(Ax[e] + (y - Ay[e]) / (By[e] - Ay[e]) * (Bx[e] - Ax[e]));
        }
        into.Sort();
    }

    [ThreadStatic] private static List<int>? _rowScratch;

    /// <summary>Every grid cell whose hexagon's box an edge's box touches: the only cells the border can cross.</summary>
    public bool[] MarkCells(double x0, double y0, double rowStep, double colStep, int rows, int cols, double edge)
    {
        var marked = new bool[rows * cols];
        for (var e = 0; e < Ax.Length; e++)
        {
            int r0 = Math.Max(0, (int)Math.Floor((Math.Min(Ay[e], By[e]) - edge - y0) / rowStep));
            int r1 = Math.Min(rows - 1, (int)Math.Ceiling((Math.Max(Ay[e], By[e]) + edge - y0) / rowStep));
            int c0 = Math.Max(0, (int)Math.Floor((Math.Min(Ax[e], Bx[e]) - colStep - x0) / colStep));
            int c1 = Math.Min(cols - 1, (int)Math.Ceiling((Math.Max(Ax[e], Bx[e]) + colStep - x0) / colStep));
            for (var r = r0; r <= r1; r++)
                for (var c = c0; c <= c1; c++) marked[r * cols + c] = true;
        }
        return marked;
    }
}
