using StationMap.Geo;

namespace StationMap.Nearby;

/// <summary>The final, shared step of both paths: exact spheroid distance, radius cut, order, limit.</summary>
public static class NearestRanking
{
    public static IReadOnlyList<NearestHit> Rank(IEnumerable<NearbyStation> candidates, NearestRequest request)
    {
        var hits = new List<NearestHit>();
        foreach (var s in candidates)
        {
            var d = SpheroidDistance.Metres(request.Lng, request.Lat, s.Lng, s.Lat);
            if (request.RadiusM is { } r && d > r) continue;
            hits.Add(new NearestHit(s, d));
        }
        // Ties broken by code so both paths agree on equal distances too.
        hits.Sort((a, b) => a.DistanceM != b.DistanceM ? a.DistanceM.CompareTo(b.DistanceM) : string.CompareOrdinal(a.Station.Code, b.Station.Code));
        return hits.Count > request.Limit ? hits.GetRange(0, request.Limit) : hits;
    }
}
