using System.Buffers;

namespace StationMap.Feeds.Rows;

/// <summary>
/// Stops a spreadsheet from running a CSV cell as a formula ("CSV injection", OWASP): text starting with = + - @ tab or
/// CR gets a leading apostrophe. Only for CSV files people open in Excel (<see cref="Profiles.FeedProfile.OpenedInSpreadsheets"/>):
/// a provider's importer would store the apostrophe, and an xlsx text cell is never a formula. Only text cells: a
/// number column (longitude) is never touched.
/// </summary>
public static class SpreadsheetText
{
    // Digits, spaces and + - ( ) . name no function and no cell, so even a spreadsheet that evaluates them cannot
    // fetch or run anything: "+86 10 6256 1234", "-12.5" and "-" stay as written (a phone with its country code is
    // the guard's classic false positive).
    private static readonly SearchValues<char> NumberLike = SearchValues.Create("0123456789 +-().");

    public static string Neutralise(string text) =>
        text is [('=' or '+' or '-' or '@' or '\t' or '\r'), ..] && text.AsSpan().ContainsAnyExcept(NumberLike) ? "'" + text : text;
}
