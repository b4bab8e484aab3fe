using StationMap.Stations;

namespace StationMap.Nearby;

/// <summary>A station's services as bits (catalog order), so "has all of these" is one AND.</summary>
public static class ServiceMask
{
    private static readonly Dictionary<string, int> Bits =
        ServiceCatalog.All.Select((s, i) => (s.Code, i)).ToDictionary(p => p.Code, p => 1 << p.i);

    public static int Of(IEnumerable<string> codes)
    {
        var mask = 0;
        foreach (var code in codes)
            if (Bits.TryGetValue(code, out var bit)) mask |= bit;
        return mask;
    }
}
