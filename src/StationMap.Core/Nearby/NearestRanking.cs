using StationMap.Geo;
using StationMap.Nearby.Packed;

namespace StationMap.Nearby;

/// <summary>The final, shared step of both paths: exact spheroid distance, radius cut, order, limit.</summary>
public static class NearestRanking
{
    public static IReadOnlyList<NearestHit> Rank(StationTable table, List<int> candidates, NearestRequest request)
    {
        var hits = new List<NearestHit>(candidates.Count);
        foreach (var row in candidates)
        {
            var d = SpheroidDistance.Metres(request.Lng, request.Lat, table.Lngs[row], table.Lats[row]);
            if (request.RadiusM is { } r && d > r) continue;
            hits.Add(new NearestHit(table[row], d));
        }
        return Order(hits, request.Limit);
    }

    /// <summary>Sorts hits already measured and cut by radius, nearest first, and keeps the first <paramref name="limit"/>.</summary>
    public static IReadOnlyList<NearestHit> Order(List<NearestHit> hits, int limit)
    {
        // Ties broken by code so both paths agree on equal distances too.
        hits.Sort(static (a, b) => a.DistanceM != b.DistanceM ? a.DistanceM.CompareTo(b.DistanceM) : string.CompareOrdinal(a.Station.Code, b.Station.Code));
        return hits.Count > limit ? hits.GetRange(0, limit) : hits;
    }
}
