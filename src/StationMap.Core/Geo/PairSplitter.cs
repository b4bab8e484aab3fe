namespace StationMap.Geo;

/// <summary>Splits one normalized "经纬度" field into its two halves, or returns null if it is not two parts.</summary>
internal static class PairSplitter
{
    private static readonly char[] Separators = [',', ';'];
    private static readonly string[] HemisphereStarts = ["北纬", "南纬", "东经", "西经", "北緯", "南緯", "東經", "西經", "N", "S", "E", "W"];

    public static (string First, string Second)? Split(string s)
    {
        if (s.IndexOfAny(Separators) >= 0)
        {
            var parts = s.Split(Separators, StringSplitOptions.TrimEntries);
            return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? (parts[0], parts[1]) : null;
        }
        var tokens = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 2) return (tokens[0], tokens[1]);
        // DMS with inner spaces: "39° 54′ 27″ N 116° 23′ 17.5″ E" splits where a hemisphere mark ends or starts
        // a half and both halves read as angles.
        for (var k = 1; k < tokens.Length; k++)
        {
            if (!EndsWithHemisphere(tokens[k - 1]) && !StartsWithHemisphere(tokens[k])) continue;
            var (first, second) = (string.Join(' ', tokens[..k]), string.Join(' ', tokens[k..]));
            if (AngleParser.Parse(first, Axis.Unknown).Ok && AngleParser.Parse(second, Axis.Unknown).Ok) return (first, second);
        }
        return null;
    }

    private static bool EndsWithHemisphere(string token) =>
        "NSEWnsew".Contains(token[^1]) && (token.Length == 1 || !char.IsAsciiLetter(token[^2]));

    private static bool StartsWithHemisphere(string token) =>
        HemisphereStarts.Any(h => token.StartsWith(h, StringComparison.OrdinalIgnoreCase))
        && (token.Length == 1 || !char.IsAsciiLetter(token[1]) || !char.IsAsciiLetter(token[0]));
}
