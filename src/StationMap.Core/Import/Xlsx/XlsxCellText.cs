using System.Globalization;

namespace StationMap.Import.Xlsx;

/// <summary>A cell's stored value as the text the importer reads: numbers without Excel's float noise,
/// whole numbers without ".0", dates and times as ISO text, booleans as TRUE/FALSE, error values as written.</summary>
internal static class XlsxCellText
{
    public static string? Of(string? type, string raw, bool dateStyle, IReadOnlyList<string> shared) => type switch
    {
        "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? NullIfEmpty(shared[i]) : null,
        "str" or "inlineStr" or "e" or "d" => raw,
        "b" => raw is "1" or "true" ? "TRUE" : "FALSE",
        _ => Number(raw, dateStyle),
    };

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static string Number(string raw, bool dateStyle)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return raw;
        if (dateStyle && d is >= 0 and < 2958466) return Date(DateTime.FromOADate(d));
        if (d == Math.Floor(d) && Math.Abs(d) < 1e15) return d.ToString("0", CultureInfo.InvariantCulture);
        // Excel shows 15 significant digits: 116.39712800000001 as stored is 116.397128 on screen.
        return d.ToString("G15", CultureInfo.InvariantCulture);
    }

    /// <summary>A date alone, a time alone (Excel's day 0 is 1899-12-30), or both.</summary>
    private static string Date(DateTime t) =>
        t.Year < 1901 ? t.ToString("HH:mm", CultureInfo.InvariantCulture)
        : t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
