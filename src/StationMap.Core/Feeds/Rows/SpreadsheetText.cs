namespace StationMap.Feeds.Rows;

/// <summary>
/// Stops a spreadsheet from running a cell as a formula ("CSV injection"): text starting with = + - @ tab or CR
/// gets a leading apostrophe. Only text cells: a number column (longitude) is never touched.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
