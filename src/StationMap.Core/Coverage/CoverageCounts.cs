namespace StationMap.Coverage;

/// <summary>
/// Counts per demand place, built station by station: each station adds one to the places it reaches. The same
/// step with −1 closes a station, so an incremental update touches only the places within reach of the change.
/// </summary>
public static class CoverageCounts
{
    public static int[] Count(DemandIndex index, IEnumerable<CoverageStation> stations, ICoverageReach reach)
    {
        var counts = new int[index.Demand.Count];
        var scratch = new List<int>();
        foreach (var s in stations) Apply(counts, index, s.Lng, s.Lat, reach, +1, scratch);
        return counts;
    }

    /// <summary>Adds <paramref name="delta"/> to every place the station at lng/lat reaches; those places are left in <paramref name="touched"/>.</summary>
    public static void Apply(int[] counts, DemandIndex index, double lng, double lat, ICoverageReach reach, int delta, List<int> touched)
    {
        if (!index.MayReach(lng, lat)) { touched.Clear(); return; }
        index.Reached(lng, lat, reach, touched);
        foreach (var i in touched) counts[i] += delta;
    }
}
