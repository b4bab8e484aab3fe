using StationMap.Geo;
using StationMap.Nearby.Packed;

namespace StationMap.Nearby;

/// <summary>
/// All active, public stations in memory, answering the same exact nearest query as the SQL path.
/// The stations sit in a packed <see cref="StationTable"/> laid out in tree order.
/// Immutable: a change builds a new index and swaps it in.
/// </summary>
public sealed class NearbyIndex
{
    private readonly UnitSphereKdTree _tree;

    public NearbyIndex(IEnumerable<NearbyStation> stations) : this(Fill(stations)) { }

    public NearbyIndex(StationTableBuilder rows)
    {
        _tree = new UnitSphereKdTree(rows.Lngs, rows.Lats, out var order);
        Table = rows.Build(order);
    }

    public StationTable Table { get; }
    public int Count => Table.Count;

    public IReadOnlyList<NearestHit> Search(NearestRequest request)
    {
        var table = Table;
        var filter = request.Filter;
        Func<int, bool> accept = row => filter.Accepts(table, row);
        // k nearest on the sphere, then widen to everything that could still beat them on the spheroid.
        var sphereBest = _tree.Nearest(request.Lng, request.Lat, request.Limit, accept);
        if (sphereBest.Count == 0) return [];
        var bound = 0.0;
        foreach (var (row, _) in sphereBest)
            bound = Math.Max(bound, SpheroidDistance.Metres(request.Lng, request.Lat, table.Lngs[row], table.Lats[row]));
        if (request.RadiusM is { } radius) bound = Math.Min(bound, radius);
        var searchChord = UnitSphereKdTree.ChordFor(bound / SpheroidDistance.MinSpheroidToSphereRatio, SpheroidDistance.SphereRadius);
        var candidates = new List<int>(request.Limit * 2);
        _tree.Within(request.Lng, request.Lat, searchChord, accept, candidates);
        return NearestRanking.Rank(table, candidates, request);
    }

    private static StationTableBuilder Fill(IEnumerable<NearbyStation> stations)
    {
        var rows = new StationTableBuilder(stations is ICollection<NearbyStation> c ? c.Count : 1024, new HoursCache());
        foreach (var s in stations) rows.Add(s);
        return rows;
    }
}
