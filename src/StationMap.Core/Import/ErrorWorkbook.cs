using StationMap.Common;

namespace StationMap.Import;

/// <summary>
/// The rejected rows as a workbook: Excel row number, the original cells, and the problems in a last column,
/// ready to fix and upload again. Every cell is written as text; text that a spreadsheet would take for a
/// formula (= + - @) gets a leading apostrophe, so exporting it to CSV stays harmless.
/// </summary>
public static class ErrorWorkbook
{
    public static void Write(Stream output, RejectedRows rejected)
    {
        var headers = new List<string> { "行号 row" };
        foreach (var h in rejected.Headers) headers.Add(Unique(headers, h));
        headers.Add(Unique(headers, "错误 errors"));
        var rows = rejected.Rows.Select(r =>
        {
            var row = new object?[headers.Count];
            row[0] = r.Row;
            for (var i = 0; i < rejected.Headers.Count; i++) row[i + 1] = Safe(i < r.Cells.Length ? r.Cells[i] : null);
            row[^1] = Safe(r.Errors);
            return row;
        });
        using var book = new XlsxWorkbookWriter(output);
        book.AddSheet("errors", headers, rows, filter: true);
    }

    /// <summary>Leading = + - @ (and tab/CR) would start a formula in a spreadsheet: make it literal.</summary>
    public static string? Safe(string? cell) =>
        cell is [('=' or '+' or '-' or '@' or '\t' or '\r'), ..] && !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? "'" + cell : cell;

    private static string Unique(List<string> taken, string name)
    {
        var candidate = name;
        for (var n = 2; taken.Contains(candidate); n++) candidate = $"{name} ({n})";
        return candidate;
    }
}
