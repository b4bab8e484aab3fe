using System.Text;

namespace StationMap.Geo;

/// <summary>
/// Folds what a Chinese keyboard produces into one ASCII-ish form before parsing: full-width digits and
/// punctuation (１１６．３９７，３９．９), the ideographic space and comma, typographic primes and quotes,
/// Unicode minus signs and the various degree-like signs.
/// </summary>
internal static class CoordTextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = ch;
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char)(c - 0xFEE0); // full-width ASCII block
            switch (c)
            {
                case '\u3000' or '\u00A0' or '\t': sb.Append(' '); break;
                case '\u3001': sb.Append(','); break;                        // 、
                case '\u3002': sb.Append('.'); break;                        // 。 typed for a decimal point
                case '\u2212' or '\u2013' or '\u2014' or '\u2010': sb.Append('-'); break;
                case '\u2032' or '\u2019' or '\u2018' or '\u02B9' or '`' or '\u00B4': sb.Append('\''); break;
                case '\u2033' or '\u201D' or '\u201C' or '\u02BA': sb.Append('"'); break;
                case '\u00BA' or '\u02DA' or '\u2103': sb.Append('°'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Replace("''", "\"").ToString().Trim();
    }
}
