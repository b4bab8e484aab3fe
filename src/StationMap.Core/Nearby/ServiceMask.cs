using StationMap.Stations;

namespace StationMap.Nearby;

/// <summary>A station's services as bits (catalog order), so "has all of these" is one AND.</summary>
public static class ServiceMask
{
    private static readonly Dictionary<string, int> Bits =
        ServiceCatalog.All.Select((s, i) => (s.Code, i)).ToDictionary(p => p.Code, p => 1 << p.i);

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BitsBySpan = Bits.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string[]> SharedLists = new();

    /// <summary>
    /// One shared, catalog-ordered code array per combination: 1.5M stations use a few hundred
    /// combinations, so the index keeps no per-station copies of the same strings.
    /// </summary>
    public static IReadOnlyList<string> SharedCodes(int mask) =>
        SharedLists.GetOrAdd(mask, m => ServiceCatalog.All.Where((_, i) => (m & (1 << i)) != 0).Select(s => s.Code).ToArray());

    public static int Of(IEnumerable<string> codes)
    {
        var mask = 0;
        foreach (var code in codes)
            if (Bits.TryGetValue(code, out var bit)) mask |= bit;
        return mask;
    }

    /// <summary>The mask of a comma-joined code list (what the nearby reader selects): a string
    /// instead of a text[] spares the per-row array decoding on the SQL path.</summary>
    public static int OfJoined(string joined)
    {
        var mask = 0;
        var text = joined.AsSpan();
        foreach (var range in text.Split(','))
            if (BitsBySpan.TryGetValue(text[range], out var bit)) mask |= bit;
        return mask;
    }
}
