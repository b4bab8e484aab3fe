using StationMap.Common;

namespace StationMap.Import;

/// <summary>
/// The rejected rows as a workbook: Excel row number, the original cells, and the problems in a last column,
/// ready to fix and upload again. Every cell is written as it was uploaded, as a text cell: a spreadsheet never runs
/// a text cell as a formula, and an apostrophe in front ("CSV injection" guard) would be a literal character here
/// that the next upload stores ("'+86 138…" fails the phone rule).
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
            for (var i = 0; i < rejected.Headers.Count; i++) row[i + 1] = i < r.Cells.Length ? r.Cells[i] : null;
            row[^1] = r.Errors;
            return row;
        });
        using var book = new XlsxWorkbookWriter(output);
        book.AddSheet("errors", headers, rows, filter: true);
    }

    private static string Unique(List<string> taken, string name)
    {
        var candidate = name;
        for (var n = 2; taken.Contains(candidate); n++) candidate = $"{name} ({n})";
        return candidate;
    }
}
