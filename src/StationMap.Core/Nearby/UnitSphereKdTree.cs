namespace StationMap.Nearby;

/// <summary>
/// A static 3-d tree over points on the unit sphere. Straight-line (chord) distance between unit
/// vectors orders exactly like great-circle distance, so a plain Euclidean k-d tree answers sphere
/// queries with no planar-degree distortion. Implicit layout (no nodes): tree position i is input
/// point order[i], and the caller stores its rows in that same order, so positions are row numbers.
/// </summary>
public sealed class UnitSphereKdTree
{
    private readonly double[] _x, _y, _z;
    private readonly byte[] _axis;

    public UnitSphereKdTree(ReadOnlySpan<double> lngs, ReadOnlySpan<double> lats, out int[] order)
    {
        var n = lngs.Length;
        _x = new double[n]; _y = new double[n]; _z = new double[n]; _axis = new byte[n];
        order = new int[n];
        for (var i = 0; i < n; i++)
        {
            (_x[i], _y[i], _z[i]) = ToUnit(lngs[i], lats[i]);
            order[i] = i;
        }
        // The coordinates move with their index, so every pass reads memory in order rather than through the permutation.
        Build(order, 0, n);
    }

    public int Count => _x.Length;

    public static (double X, double Y, double Z) ToUnit(double lng, double lat)
    {
        double l = lng * (Math.PI / 180), p = lat * (Math.PI / 180), c = Math.Cos(p);
        return (c * Math.Cos(l), c * Math.Sin(l), Math.Sin(p));
    }

    /// <summary>Chord length on the unit sphere for a great-circle distance of <paramref name="metres"/>.</summary>
    public static double ChordFor(double metres, double radius) =>
        metres / radius >= Math.PI ? 2 : 2 * Math.Sin(metres / radius / 2);

    /// <summary>The k accepted positions with the smallest chord, nearest first; chord² returned with each.</summary>
    public List<(int Row, double Chord2)> Nearest(double lng, double lat, int k, Func<int, bool> accept)
    {
        var (qx, qy, qz) = ToUnit(lng, lat);
        var heap = new PriorityQueue<(int, double), double>(k + 1, FarthestFirst);
        SearchNearest(0, Count, qx, qy, qz, k, accept, heap);
        var result = new List<(int, double)>(heap.Count);
        while (heap.Count > 0) result.Add(heap.Dequeue());
        result.Reverse();
        return result;
    }

    /// <summary>Every accepted position within <paramref name="maxChord"/> of the point, unordered.</summary>
    public void Within(double lng, double lat, double maxChord, Func<int, bool> accept, List<int> into)
    {
        var (qx, qy, qz) = ToUnit(lng, lat);
        SearchWithin(0, Count, qx, qy, qz, maxChord * maxChord, accept, into);
    }

    private static readonly Comparer<double> FarthestFirst = Comparer<double>.Create((a, b) => b.CompareTo(a));

    private void SearchNearest(int lo, int hi, double qx, double qy, double qz, int k, Func<int, bool> accept,
        PriorityQueue<(int, double), double> heap)
    {
        if (lo >= hi) return;
        var m = (lo + hi) >>> 1;
        var d2 = Dist2(m, qx, qy, qz);
        if ((heap.Count < k || d2 < heap.Peek().Item2) && accept(m))
        {
            heap.Enqueue((m, d2), d2);
            if (heap.Count > k) heap.Dequeue();
        }
        var diff = Coord(m, qx, qy, qz);
        var (near, far) = diff < 0 ? ((lo, m), (m + 1, hi)) : ((m + 1, hi), (lo, m));
        SearchNearest(near.Item1, near.Item2, qx, qy, qz, k, accept, heap);
        if (heap.Count < k || diff * diff < heap.Peek().Item2)
            SearchNearest(far.Item1, far.Item2, qx, qy, qz, k, accept, heap);
    }

    private void SearchWithin(int lo, int hi, double qx, double qy, double qz, double max2, Func<int, bool> accept, List<int> into)
    {
        if (lo >= hi) return;
        var m = (lo + hi) >>> 1;
        var d2 = Dist2(m, qx, qy, qz);
        if (d2 <= max2 && accept(m)) into.Add(m);
        var diff = Coord(m, qx, qy, qz);
        if (diff < 0 || diff * diff <= max2) SearchWithin(lo, m, qx, qy, qz, max2, accept, into);
        if (diff >= 0 || diff * diff <= max2) SearchWithin(m + 1, hi, qx, qy, qz, max2, accept, into);
    }

    /// <summary>Signed distance from the query to the node's splitting plane (negative: query on the low side).</summary>
    private double Coord(int m, double qx, double qy, double qz) => _axis[m] switch
    {
        0 => qx - _x[m],
        1 => qy - _y[m],
        _ => qz - _z[m],
    };

    private double Dist2(int i, double qx, double qy, double qz)
    {
        double dx = _x[i] - qx, dy = _y[i] - qy, dz = _z[i] - qz;
        return dx * dx + dy * dy + dz * dz;
    }

    private void Build(int[] order, int lo, int hi)
    {
        if (hi - lo <= 0) return;
        var axis = WidestAxis(lo, hi);
        var m = (lo + hi) >>> 1;
        // Only the median's position matters: quickselect is O(n) per level, a sort would be O(n log n).
        Select(order, lo, hi - 1, m, axis == 0 ? _x : axis == 1 ? _y : _z);
        _axis[m] = (byte)axis;
        Build(order, lo, m);
        Build(order, m + 1, hi);
    }

    private void Select(int[] order, int left, int right, int k, double[] keys)
    {
        while (right > left)
        {
            var pivot = keys[(left + right) >>> 1];
            int i = left, j = right;
            while (i <= j)
            {
                while (keys[i] < pivot) i++;
                while (keys[j] > pivot) j--;
                if (i <= j) { Swap(order, i, j); i++; j--; }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return;
        }
    }

    private void Swap(int[] order, int i, int j)
    {
        (order[i], order[j]) = (order[j], order[i]);
        (_x[i], _x[j]) = (_x[j], _x[i]);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_z[i], _z[j]) = (_z[j], _z[i]);
    }

    private int WidestAxis(int lo, int hi)
    {
        double minX = 2, maxX = -2, minY = 2, maxY = -2, minZ = 2, maxZ = -2;
        for (var i = lo; i < hi; i++)
        {
            minX = Math.Min(minX, _x[i]); maxX = Math.Max(maxX, _x[i]);
            minY = Math.Min(minY, _y[i]); maxY = Math.Max(maxY, _y[i]);
            minZ = Math.Min(minZ, _z[i]); maxZ = Math.Max(maxZ, _z[i]);
        }
        double sx = maxX - minX, sy = maxY - minY, sz = maxZ - minZ;
        return sx >= sy && sx >= sz ? 0 : sy >= sz ? 1 : 2;
    }
}
