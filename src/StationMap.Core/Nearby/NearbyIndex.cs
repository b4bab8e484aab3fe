using StationMap.Geo;

namespace StationMap.Nearby;

/// <summary>
/// All active, public stations in memory, answering the same exact nearest query as the SQL path.
/// Immutable: a change builds a new index and swaps it in.
/// </summary>
public sealed class NearbyIndex
{
    private readonly UnitSphereKdTree<NearbyStation> _tree;

    public NearbyIndex(IReadOnlyCollection<NearbyStation> stations)
    {
        Stations = stations;
        _tree = new UnitSphereKdTree<NearbyStation>(stations.Select(s => (s.Lng, s.Lat, s)).ToList());
    }

    public IReadOnlyCollection<NearbyStation> Stations { get; }
    public int Count => _tree.Count;

    public IReadOnlyList<NearestHit> Search(NearestRequest request)
    {
        Func<NearbyStation, bool> accept = request.Accepts;
        // k nearest on the sphere, then widen to everything that could still beat them on the spheroid.
        var sphereBest = _tree.Nearest(request.Lng, request.Lat, request.Limit, accept);
        if (sphereBest.Count == 0) return [];
        var bound = sphereBest.Max(c => Spheroid(request, c.Item));
        if (request.RadiusM is { } radius) bound = Math.Min(bound, radius);
        var searchChord = UnitSphereKdTree<NearbyStation>.ChordFor(
            bound / SpheroidDistance.MinSpheroidToSphereRatio, SpheroidDistance.SphereRadius);
        var candidates = new List<(NearbyStation Item, double Chord2)>();
        _tree.Within(request.Lng, request.Lat, searchChord, accept, candidates);
        return NearestRanking.Rank(candidates.Select(c => c.Item), request);
    }

    private static double Spheroid(NearestRequest r, NearbyStation s) => SpheroidDistance.Metres(r.Lng, r.Lat, s.Lng, s.Lat);
}
