namespace StationMap.Coverage;

/// <summary>
/// Demand places bucketed on a lng/lat grid sized to the reach, so a station finds the places it may serve by
/// scanning a few buckets, then asks the <see cref="ICoverageReach"/> for each.
/// </summary>
public sealed class DemandIndex
{
    // Shortest length of a degree of latitude (at the equator) and of longitude per cos(lat), with a margin.
    private const double MetresPerDegLat = 110_574 * 0.999, MetresPerDegLng = 111_319 * 0.999;

    private readonly DemandSet _demand;
    private readonly double _minLng, _minLat, _bucketLng, _bucketLat, _reach;
    private readonly int _nx, _ny;
    private readonly int[] _start, _items;

    public DemandIndex(DemandSet demand, double reachMetres)
    {
        _demand = demand;
        _reach = reachMetres;
        if (demand.Count == 0) { _start = [0, 0]; _items = []; _nx = _ny = 1; return; }
        _minLng = demand.Lng.Min(); _minLat = demand.Lat.Min();
        double maxLng = demand.Lng.Max(), maxLat = demand.Lat.Max();
        var worstCos = Math.Cos(Math.Min(89, Math.Max(Math.Abs(_minLat), Math.Abs(maxLat)) + 0.1) * Math.PI / 180);
        _bucketLat = Math.Max(reachMetres, 50) / MetresPerDegLat;
        _bucketLng = Math.Max(reachMetres, 50) / (MetresPerDegLng * worstCos);
        _nx = (int)((maxLng - _minLng) / _bucketLng) + 1;
        _ny = (int)((maxLat - _minLat) / _bucketLat) + 1;
        var counts = new int[_nx * _ny + 1];
        for (var i = 0; i < demand.Count; i++) counts[Bucket(i) + 1]++;
        for (var i = 1; i < counts.Length; i++) counts[i] += counts[i - 1];
        _start = counts;
        _items = new int[demand.Count];
        var fill = (int[])counts.Clone();
        for (var i = 0; i < demand.Count; i++) _items[fill[Bucket(i)]++] = i;
    }

    public DemandSet Demand => _demand;

    private int Bucket(int i) =>
        (int)((_demand.Lat[i] - _minLat) / _bucketLat) * _nx + (int)((_demand.Lng[i] - _minLng) / _bucketLng);

    /// <summary>Every place the station reaches, appended to <paramref name="into"/> (cleared first).</summary>
    public void Reached(double lng, double lat, ICoverageReach reach, List<int> into)
    {
        into.Clear();
        if (_demand.Count == 0) return;
        int x0 = (int)Math.Floor((lng - _minLng) / _bucketLng) - 1, x1 = x0 + 2;
        int y0 = (int)Math.Floor((lat - _minLat) / _bucketLat) - 1, y1 = y0 + 2;
        if (x1 < 0 || y1 < 0 || x0 >= _nx || y0 >= _ny) return;
        (x0, y0, x1, y1) = (Math.Max(0, x0), Math.Max(0, y0), Math.Min(_nx - 1, x1), Math.Min(_ny - 1, y1));
        var dLng = _demand.Lng; var dLat = _demand.Lat;
        for (var y = y0; y <= y1; y++)
            for (var b = y * _nx + x0; b <= y * _nx + x1; b++)
                for (var k = _start[b]; k < _start[b + 1]; k++)
                {
                    var i = _items[k];
                    if (reach.Reaches(lng, lat, dLng[i], dLat[i])) into.Add(i);
                }
    }

    /// <summary>Whether a point lies in or near the indexed area (a cheap test before a full query).</summary>
    public bool MayReach(double lng, double lat) =>
        _demand.Count > 0 && lng >= _minLng - _bucketLng && lat >= _minLat - _bucketLat
        && lng <= _minLng + (_nx + 1) * _bucketLng && lat <= _minLat + (_ny + 1) * _bucketLat;
}
