namespace StationMap.Geo;

/// <summary>
/// Even-odd point-in-polygon over a set of rings, with a bounding-box pre-check and edges bucketed into
/// latitude slabs so a query only looks at the handful of edges that can cross its horizontal ray.
/// </summary>
internal sealed class LatitudeSlabIndex
{
    private const double SlabHeight = 0.25;
    private readonly double _minLng, _maxLng, _minLat, _maxLat;
    // Per slab: edges as flat (x1, y1, x2, y2) quadruples.
    private readonly double[][] _slabs;

    public LatitudeSlabIndex(IReadOnlyList<double[]> rings)
    {
        _minLng = _minLat = double.MaxValue;
        _maxLng = _maxLat = double.MinValue;
        foreach (var ring in rings)
            for (var i = 0; i < ring.Length; i += 2)
            {
                _minLng = Math.Min(_minLng, ring[i]); _maxLng = Math.Max(_maxLng, ring[i]);
                _minLat = Math.Min(_minLat, ring[i + 1]); _maxLat = Math.Max(_maxLat, ring[i + 1]);
            }

        var count = (int)Math.Ceiling((_maxLat - _minLat) / SlabHeight) + 1;
        var buckets = new List<double>[count];
        for (var s = 0; s < count; s++) buckets[s] = [];
        foreach (var ring in rings)
        {
            var n = ring.Length / 2;
            for (var i = 0; i < n; i++)
            {
                var j = (i + 1) % n;
                double x1 = ring[2 * i], y1 = ring[2 * i + 1], x2 = ring[2 * j], y2 = ring[2 * j + 1];
                var first = Slab(Math.Min(y1, y2));
                var last = Slab(Math.Max(y1, y2));
                for (var s = first; s <= last; s++) buckets[s].AddRange([x1, y1, x2, y2]);
            }
        }
        _slabs = Array.ConvertAll(buckets, b => b.ToArray());
    }

    private int Slab(double lat) => (int)((lat - _minLat) / SlabHeight);

    public bool BoxContains(double lng, double lat, double margin) =>
        lng >= _minLng - margin && lng <= _maxLng + margin && lat >= _minLat - margin && lat <= _maxLat + margin;

    public bool Contains(double lng, double lat)
    {
        // Written so NaN fails every comparison and lands outside.
        if (!(lng >= _minLng && lng <= _maxLng && lat >= _minLat && lat <= _maxLat))
            return false;
        var edges = _slabs[Slab(lat)];
        var inside = false;
        for (var k = 0; k < edges.Length; k += 4)
        {
            double x1 = edges[k], y1 = edges[k + 1], x2 = edges[k + 2], y2 = edges[k + 3];
            if ((y1 > lat) != (y2 > lat) && lng < x1 + (lat - y1) * (x2 - x1) / (y2 - y1))
                inside = !inside;
        }
        return inside;
    }
}
