using System.Globalization;
using System.Text.RegularExpressions;

namespace StationMap.Import;

/// <summary>Undoes what Excel and copy-paste do to cells: stray spaces, full-width digits, "110108.0", "1.10108E+05".</summary>
public static partial class CellText
{
    [GeneratedRegex(@"^[+-]?(\d)(?:\.(\d+))?[eE]\+?(\d{1,2})$")]
    private static partial Regex Scientific();

    [GeneratedRegex(@"^(\d+)\.0+$")]
    private static partial Regex WholeFloat();

    /// <summary>Trimmed text (also no-break and zero-width spaces), or null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        if (text is null) return null;
        var s = text.Trim().Trim('\u00A0', '\u200B', '\uFEFF', '\u3000').Trim();
        return s.Length == 0 ? null : s;
    }

    /// <summary>
    /// A code-like cell (station code, adcode, phone) as digits: "１１０１０８" → "110108", "110108.0" → "110108",
    /// "1.10108E+05" → "110108". <paramref name="lossy"/> is set when Excel's scientific form dropped digits.
    /// </summary>
    public static string? Digits(string? text, out bool wasScientific, out bool lossy)
    {
        wasScientific = lossy = false;
        var s = Clean(text);
        if (s is null) return null;
        s = Fullwidth.ToHalfwidth(s);
        if (WholeFloat().Match(s) is { Success: true } w) return w.Groups[1].Value;
        if (Scientific().Match(s) is not { Success: true } m) return s;
        wasScientific = true;
        var mantissaDigits = 1 + m.Groups[2].Value.Length;
        var exponent = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        var value = decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (value != decimal.Truncate(value)) return s;
        lossy = mantissaDigits < exponent + 1;
        return value.ToString("0", CultureInfo.InvariantCulture);
    }

    public static bool? YesNo(string? text) => Clean(text) is not { } s ? null : s.ToLowerInvariant() switch
    {
        "是" or "y" or "yes" or "1" or "true" or "对外开放" or "开放" or "√" => true,
        "否" or "n" or "no" or "0" or "false" or "不开放" or "不对外开放" or "×" => false,
        _ => null,
    };

    public static decimal? Area(string? text, out bool invalid)
    {
        invalid = false;
        if (Clean(text) is not { } s) return null;
        s = Fullwidth.ToHalfwidth(s);
        foreach (var unit in new[] { "平方米", "平米", "㎡", "m²", "m2", "M2" }) s = s.Replace(unit, "");
        if (decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) return v;
        invalid = true;
        return null;
    }

    /// <summary>Splits a list cell on Chinese and ASCII separators (、，,;；／/ and line breaks).</summary>
    public static List<string> List(string? text) =>
        Clean(text) is not { } s ? [] : s.Split(ListSeparators,
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Links (photos) in one cell: split like a list but never on '/', which every URL contains.</summary>
    public static List<string> Links(string? text) =>
        Clean(text) is not { } s ? [] : s.Split(LinkSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static readonly char[] LinkSeparators = ['、', '，', ',', ';', '；', '\n', '\r', '|', ' ', '\t', '\u3000'];
    private static readonly char[] ListSeparators = ['、', '，', ',', ';', '；', '／', '/', '\n', '\r', '|'];
}
