using StationMap.Nearby.Packed;

namespace StationMap.Nearby;

/// <summary>
/// The current in-memory index, or null while it loads or while change notifications are lost
/// (callers then use the SQL path). Swapped atomically; readers never see a half-built index.
/// </summary>
public sealed class NearbyIndexHolder
{
    private volatile NearbyIndex? _current;
    private NearbyIndex? _last; // the last build, the base for incremental changes

    public NearbyIndex? Current => _current;

    public void Invalidate() => _current = null;

    public NearbyIndex ReplaceAll(StationTableBuilder rows) => Publish(new NearbyIndex(rows));

    public NearbyIndex ReplaceAll(IEnumerable<NearbyStation> stations) => Publish(new NearbyIndex(stations));

    /// <summary>Applies a few changed stations on top of the last build and rebuilds.</summary>
    public NearbyIndex Apply(IReadOnlyCollection<NearbyStation> served, IEnumerable<long> gone)
    {
        var changed = served.Select(s => s.Id).Concat(gone).ToHashSet();
        var table = _last?.Table;
        var rows = new StationTableBuilder((table?.Count ?? 0) + served.Count, new HoursCache());
        if (table is not null)
            for (var row = 0; row < table.Count; row++)
                if (!changed.Contains(table.Ids[row])) rows.Add(table[row]);
        foreach (var s in served) rows.Add(s);
        return Publish(new NearbyIndex(rows));
    }

    private NearbyIndex Publish(NearbyIndex index)
    {
        _last = index;
        _current = index;
        return index;
    }
}
