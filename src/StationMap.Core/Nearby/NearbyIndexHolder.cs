namespace StationMap.Nearby;

/// <summary>
/// The current in-memory index, or null while it loads or while change notifications are lost
/// (callers then use the SQL path). Swapped atomically; readers never see a half-built index.
/// </summary>
public sealed class NearbyIndexHolder
{
    private volatile NearbyIndex? _current;
    private Dictionary<long, NearbyStation> _byId = [];

    public NearbyIndex? Current => _current;

    public void Invalidate() => _current = null;

    public NearbyIndex ReplaceAll(IEnumerable<NearbyStation> stations)
    {
        _byId = stations.ToDictionary(s => s.Id);
        return Publish();
    }

    /// <summary>Applies a few changed stations on top of the last full load and rebuilds.</summary>
    public NearbyIndex Apply(IEnumerable<NearbyStation> served, IEnumerable<long> gone)
    {
        var next = new Dictionary<long, NearbyStation>(_byId);
        foreach (var id in gone) next.Remove(id);
        foreach (var s in served) next[s.Id] = s;
        _byId = next;
        return Publish();
    }

    private NearbyIndex Publish()
    {
        var index = new NearbyIndex(_byId.Values.ToList());
        _current = index;
        return index;
    }
}
