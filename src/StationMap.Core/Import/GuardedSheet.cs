namespace StationMap.Import;

/// <summary>
/// The one way a spreadsheet is read (imports and provider result files alike): the file's own reader behind the
/// limits of <see cref="SheetLimits"/> — rows, and the length of any cell (no field takes more than the longest
/// column allows, so a longer cell can only be an attack or a mistake). Limits surface as <see cref="SheetLimitException"/>.
/// </summary>
public sealed class GuardedSheet(ISheetSource inner, SheetLimits limits) : ISheetSource
{
    public IReadOnlyList<string?> Headers { get; } = Checked(inner.Headers, 1, [], limits);
    public string? Encoding => inner.Encoding;
    public string? Sheet => inner.Sheet;

    public IEnumerable<RawRow> Rows()
    {
        var count = 0;
        foreach (var row in inner.Rows())
        {
            if (++count > limits.MaxRows)
                throw new SheetLimitException("too_many_rows", $"行数超过上限 {limits.MaxRows}，请拆分文件", $"more than {limits.MaxRows} rows; split the file");
            Checked(row.Cells, row.Number, Headers, limits);
            yield return row;
        }
    }

    private static IReadOnlyList<string?> Checked(IReadOnlyList<string?> cells, int row, IReadOnlyList<string?> headers, SheetLimits limits)
    {
        for (var i = 0; i < cells.Count; i++)
            if (cells[i] is { } c && c.Length > limits.MaxCellChars)
            {
                var column = i < headers.Count && headers[i] is { } h && h.Length <= 50 ? h : ColumnMap.ColumnLetter(i);
                throw new SheetLimitException("cell_too_long", $"第 {row} 行“{column}”列的内容有 {c.Length} 个字符，超过上限 {limits.MaxCellChars}",
                    $"row {row}, column '{column}' holds {c.Length} characters; no field allows more than {limits.MaxCellChars}");
            }
        return cells;
    }

    public void Dispose() => inner.Dispose();
}

/// <summary>What any uploaded spreadsheet may hold; the defaults suit the import (see <see cref="ImportOptions"/>).</summary>
public sealed record SheetLimits(int MaxRows, int MaxCellChars);

/// <summary>An uploaded spreadsheet is refused as a whole (a limit, or a file that cannot be read), with a bilingual reason.</summary>
public sealed class SheetLimitException(ImportProblem problem) : Exception(problem.Message)
{
    public SheetLimitException(string code, string chinese, string english) : this(ImportProblem.File(code, chinese, english)) { }

    public ImportProblem Problem => problem;

    /// <summary>Refused for its size (413) rather than its content (400).</summary>
    public bool TooLarge => ImportProblem.TooLarge.Contains(problem.Code);
}
