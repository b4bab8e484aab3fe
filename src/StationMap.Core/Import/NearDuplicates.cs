using System.Text;

namespace StationMap.Import;

/// <summary>
/// "Probably the same station": two points within a few metres with similar names. Kept in a grid of cells
/// about as wide as the radius, so each new point looks at nine small buckets, not at every earlier row.
/// </summary>
public sealed class NearDuplicates(double radiusMetres)
{
    private const double MetresPerDegree = 111_320;
    private readonly double _cell = radiusMetres / MetresPerDegree;
    // One chained list per cell: a head per cell and flat entries, no list object per cell (500k rows: ≈ 85 MB less).
    private readonly Dictionary<long, int> _heads = [];
    private readonly List<Entry> _entries = [];

    private readonly record struct Entry(int Row, int Next, double Lng, double Lat, string Key);

    /// <summary>Adds a row and returns the earliest earlier row it probably duplicates, if any.</summary>
    public int? Add(int row, double lng, double lat, string name)
    {
        var key = StationNames.Key(name);
        var (cx, cy) = Cell(lng, lat, _cell);
        int? match = null;
        for (var dx = -1; dx <= 1; dx++)
        for (var dy = -1; dy <= 1; dy++)
        {
            if (!_heads.TryGetValue(Pack(cx + dx, cy + dy), out var i)) continue;
            for (; i >= 0; i = _entries[i].Next)
            {
                var other = _entries[i];
                if ((match is null || other.Row < match) && Metres(lng, lat, other.Lng, other.Lat) <= radiusMetres && StationNames.Similar(key, other.Key))
                    match = other.Row;
            }
        }
        var own = Pack(cx, cy);
        _entries.Add(new Entry(row, _heads.TryGetValue(own, out var head) ? head : -1, lng, lat, key));
        _heads[own] = _entries.Count - 1;
        return match;
    }

    internal static long Pack(int x, int y) => ((long)x << 32) | (uint)y;

    /// <summary>The grid cell of a point: <paramref name="cell"/> degrees of latitude high and twice that wide in
    /// longitude, which spans the radius up to 60° north or south (all of China), so the nine cells around a point hold
    /// everything within the radius. (Scaling longitude by the point's own cos(lat) could put two points 20 m apart
    /// two cells apart at 120° E.)</summary>
    internal static (int X, int Y) Cell(double lng, double lat, double cell) =>
        ((int)Math.Floor(lng / (2 * cell)), (int)Math.Floor(lat / cell));

    /// <summary>Equirectangular distance: exact enough at 20 m.</summary>
    public static double Metres(double lng1, double lat1, double lng2, double lat2)
    {
        var x = (lng2 - lng1) * Math.Cos(double.DegreesToRadians((lat1 + lat2) / 2));
        return Math.Sqrt(x * x + (lat2 - lat1) * (lat2 - lat1)) * MetresPerDegree;
    }
}

/// <summary>Name comparison that ignores the words every station shares ("工会", "户外劳动者服务站点", "驿站").</summary>
public static class StationNames
{
    private static readonly string[] Generic =
        ["户外劳动者服务站点", "户外劳动者服务站", "服务站点", "服务站", "爱心驿站", "暖心驿站", "工会驿站", "驿站", "工会", "站点"];

    public static string Key(string name)
    {
        var s = Fullwidth.ToHalfwidth(name).ToLowerInvariant();
        foreach (var g in Generic) s = s.Replace(g, "");
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Same key, one key inside the other, or character-bigram Dice similarity ≥ 0.6.</summary>
    public static bool Similar(string keyA, string keyB)
    {
        if (keyA == keyB) return true;
        if (keyA.Length == 0 || keyB.Length == 0) return false;
        if (keyA.Contains(keyB) || keyB.Contains(keyA)) return true;
        if (keyA.Length < 2 || keyB.Length < 2) return false;
        var a = Bigrams(keyA);
        var b = Bigrams(keyB);
        var common = 0;
        foreach (var g in a) if (b.Remove(g)) common++;
        return 2.0 * common / (keyA.Length - 1 + keyB.Length - 1) >= 0.6;
    }

    private static List<string> Bigrams(string s) => Enumerable.Range(0, s.Length - 1).Select(i => s.Substring(i, 2)).ToList();
}
