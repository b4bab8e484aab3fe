namespace StationMap.Feeds.Rows;

/// <summary>
/// Stops a spreadsheet from running a CSV cell as a formula ("CSV injection", OWASP): text starting with = + - @ tab or
/// CR gets a leading apostrophe. Only for CSV files people open in Excel (<see cref="Profiles.FeedProfile.OpenedInSpreadsheets"/>):
/// a provider's importer would store the apostrophe, and an xlsx text cell is never a formula. Only text cells: a
/// number column (longitude) is never touched.
/// </summary>
public static class SpreadsheetText
{
    // Every such start is guarded, phones included: Excel would compute "+86-10-6256", fail on "+86 10 6256"
    // (#NULL!) or show "+8613812345678" as 8.61E+12. Left alone: a lone "-" (the usual "none") and a plain negative
    // decimal such as a longitude west of Greenwich ("-73.985000"), which Excel shows as written.
    public static string Neutralise(string text) =>
        text is [('=' or '+' or '-' or '@' or '\t' or '\r'), ..] && !IsNegativeDecimal(text) && text != "-" ? "'" + text : text;

    private static bool IsNegativeDecimal(string text) =>
        text.Length > 1 && text[0] == '-' && char.IsAsciiDigit(text[1]) && text.Count(c => c == '.') <= 1 && text.AsSpan(1).IndexOfAnyExcept("0123456789.") < 0;
}
