using StationMap.Nearby.Packed;

namespace StationMap.Nearby;

/// <summary>
/// The current in-memory index (null until the first build). Swapped atomically; readers never see a
/// half-built index. When change notifications are lost (the database is away) the last index keeps
/// serving, marked stale, until a rebuild after reconnecting replaces it.
/// </summary>
public sealed class NearbyIndexHolder(TimeProvider clock)
{
    private volatile Snapshot? _snapshot;

    /// <summary>The index with when it was last known current, and whether it may have missed changes since.</summary>
    public sealed record Snapshot(NearbyIndex Index, DateTimeOffset BuiltAt, bool Stale);

    public NearbyIndexHolder() : this(TimeProvider.System) { }

    public Snapshot? Current => _snapshot;

    /// <summary>Changes may be missed from now on: keep serving the last index, flagged.</summary>
    public void MarkStale()
    {
        if (_snapshot is { Stale: false } s) _snapshot = s with { Stale = true };
    }

    public NearbyIndex ReplaceAll(StationTableBuilder rows) => Publish(new NearbyIndex(rows));

    public NearbyIndex ReplaceAll(IEnumerable<NearbyStation> stations) => Publish(new NearbyIndex(stations));

    /// <summary>Applies a few changed stations on top of the current index and rebuilds.</summary>
    public NearbyIndex Apply(IReadOnlyCollection<NearbyStation> served, IEnumerable<long> gone)
    {
        var changed = served.Select(s => s.Id).Concat(gone).ToHashSet();
        var table = _snapshot?.Index.Table;
        var rows = new StationTableBuilder((table?.Count ?? 0) + served.Count, new HoursCache());
        if (table is not null)
            for (var row = 0; row < table.Count; row++)
                if (!changed.Contains(table.Ids[row])) rows.Add(table[row]);
        foreach (var s in served) rows.Add(s);
        return Publish(new NearbyIndex(rows));
    }

    private NearbyIndex Publish(NearbyIndex index)
    {
        _snapshot = new Snapshot(index, clock.GetUtcNow(), Stale: false);
        return index;
    }
}
