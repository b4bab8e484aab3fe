namespace StationMap.Import;

/// <summary>
/// The one way a spreadsheet is read (imports and provider result files alike): the file's own reader behind the
/// limits of <see cref="SheetLimits"/> — non-empty rows, all rows read (empty ones included), and the length of any cell (no field takes more than the longest
/// column allows, so a longer cell can only be an attack or a mistake). Limits surface as <see cref="SheetLimitException"/>.
/// </summary>
public sealed class GuardedSheet(ISheetSource inner, SheetLimits limits) : ISheetSource
{
    public IReadOnlyList<string?> Headers { get; } = Checked(inner.Headers, inner.HeaderRow, [], limits);
    public int HeaderRow => inner.HeaderRow;
    public IReadOnlyList<int> RowsAbove => inner.RowsAbove;
    public string? Encoding => inner.Encoding;
    public string? Sheet => inner.Sheet;

    public IEnumerable<RawRow> Rows()
    {
        // Only rows with a value count against MaxRows: Excel saves a CSV down to the sheet's used range, so a few
        // stations can come with thousands of ",,,," lines. All rows read are capped too (MaxLines), so a file of
        // millions of empty lines (or an xlsx row numbered in the billions) is refused, not walked through.
        // The lines up to the header count too: a million empty lines before it are refused like a million after it.
        var (count, lines) = (0, (long)inner.HeaderRow);
        foreach (var row in inner.Rows())
        {
            if (++lines > limits.MaxLines)
                throw new SheetLimitException("too_many_rows", $"文件超过 {limits.MaxLines} 行（含空行），拒绝读取；请删除表格末尾多余的空行",
                    $"more than {limits.MaxLines} lines, empty ones included; refused: delete the empty lines at the end of the sheet");
            if (!row.IsEmpty && ++count > limits.MaxRows)
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

/// <summary>What any uploaded spreadsheet may hold; the defaults suit the import (see <see cref="ImportOptions"/>).
/// <see cref="MaxRows"/> counts rows with a value; <see cref="MaxLines"/> every row read.</summary>
public sealed record SheetLimits(int MaxRows, int MaxCellChars)
{
    /// <summary>Rows in an Excel sheet: no sheet Excel saves, nor its CSV, has more.</summary>
    public const int ExcelRows = 1_048_576;

    /// <summary>Every row read, empty ones included: Excel's sheet height, or twice MaxRows when that is more.</summary>
    public long MaxLines => Math.Max(ExcelRows, 2L * MaxRows);
}

/// <summary>An uploaded spreadsheet is refused as a whole (a limit, or a file that cannot be read), with a bilingual reason.</summary>
public sealed class SheetLimitException(ImportProblem problem) : Exception(problem.Message)
{
    public SheetLimitException(string code, string chinese, string english) : this(ImportProblem.File(code, chinese, english)) { }

    public ImportProblem Problem => problem;

    /// <summary>Refused for its size (413) rather than its content (400).</summary>
    public bool TooLarge => ImportProblem.TooLarge.Contains(problem.Code);
}
