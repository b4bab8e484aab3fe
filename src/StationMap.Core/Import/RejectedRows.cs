namespace StationMap.Import;

/// <summary>The rejected rows exactly as read, with their problems, for the downloadable error workbook.</summary>
public sealed record RejectedRows(List<string> Headers, List<RejectedRow> Rows)
{
    /// <summary>Second, cheap pass over the file: the rejected rows' original cells for the error workbook.</summary>
    internal static RejectedRows? Collect(ImportRequest request, ProblemLog log, ImportOptions options)
    {
        request.Content.Position = 0;
        using var sheet = UploadedFile.Open(request.Content, request.FileName, request.Sheet, options, []);
        if (sheet is null) return null;
        var messages = log.Errors.Where(e => e.Row > 1).GroupBy(e => e.Row)
            .ToDictionary(g => g.Key, g => string.Join("；", g.Select(e => e.Column.Length > 0 ? $"[{e.Column}] {e.Message}" : e.Message)));
        var rows = new List<RejectedRow>();
        foreach (var row in sheet.Rows())
        {
            if (!log.RejectedRows.Contains(row.Number)) continue;
            rows.Add(new RejectedRow(row.Number, row.Cells, messages.GetValueOrDefault(row.Number, "")));
            if (rows.Count >= options.MaxRejectedRowsKept) break;
        }
        return new RejectedRows(sheet.Headers.Select((h, i) => h ?? ColumnMap.ColumnLetter(i)).ToList(), rows);
    }
}

public sealed record RejectedRow(int Row, string?[] Cells, string Errors);
