using System.Text;
using System.Xml;

namespace StationMap.Common;

/// <summary>
/// OOXML's escape for text XML cannot carry (ECMA-376 ST_Xstring): a character as <c>_xHHHH_</c> (UTF-16 code unit in
/// hex), and a literal <c>_xHHHH_</c> in the text with its underscore as <c>_x005F_</c>. Excel writes a CR this way
/// (<c>_x000D_</c>), which XML's line-end handling would otherwise read back as LF; control characters and unpaired
/// surrogates would make the XML writer throw.
/// </summary>
public static class OoxmlText
{
    /// <summary>The text as it may be stored in a cell: unchanged unless something in it needs the escape.</summary>
    public static string Encode(string text)
    {
        var i = 0;
        while (i < text.Length && !NeedsEscape(text, i)) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                sb.Append(c).Append(text[++i]);
            else if (c == '_' && IsEscape(text, i)) sb.Append("_x005F_");
            else if (c == '\r' || !XmlConvert.IsXmlChar(c)) sb.Append("_x").Append(((int)c).ToString("X4")).Append('_');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The text a cell stored: every <c>_xHHHH_</c> back to its character.</summary>
    public static string Decode(string stored)
    {
        var i = stored.IndexOf("_x", StringComparison.Ordinal);
        if (i < 0) return stored;
        var sb = new StringBuilder(stored.Length).Append(stored, 0, i);
        while (i < stored.Length)
        {
            if (IsEscape(stored, i))
            {
                sb.Append((char)Convert.ToInt32(stored.Substring(i + 2, 4), 16));
                i += 7;
            }
            else sb.Append(stored[i++]);
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) return false;
        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])) return false;
        return c == '\r' || !XmlConvert.IsXmlChar(c) || c == '_' && IsEscape(text, i);
    }

    /// <summary>"_x" four hex digits "_" at <paramref name="i"/>.</summary>
    private static bool IsEscape(string s, int i) =>
        i + 6 < s.Length && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_'
        && char.IsAsciiHexDigit(s[i + 2]) && char.IsAsciiHexDigit(s[i + 3]) && char.IsAsciiHexDigit(s[i + 4]) && char.IsAsciiHexDigit(s[i + 5]);
}
