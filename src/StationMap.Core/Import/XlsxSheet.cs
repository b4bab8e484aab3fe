using System.Globalization;
using MiniExcelLibs;

namespace StationMap.Import;

/// <summary>
/// One worksheet of an .xlsx file, streamed by MiniExcel. Cells come as their stored values: a formula's
/// cached result, never a recalculation; text that looks like a formula stays text.
/// </summary>
public sealed class XlsxSheet : ISheetSource
{
    private readonly IEnumerator<IDictionary<string, object?>> _rows;

    public IReadOnlyList<string?> Headers { get; }
    public string? Encoding => null;
    public string? Sheet { get; }

    private XlsxSheet(Stream seekable, string sheet)
    {
        Sheet = sheet;
        _rows = seekable.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().GetEnumerator();
        Headers = _rows.MoveNext() ? Cells(_rows.Current, 0) : [];
    }

    /// <summary>Opens the named sheet, or the first; null (and a problem) when the name is not in the file.</summary>
    public static XlsxSheet? Open(Stream seekable, string? sheetName, List<ImportProblem> errors)
    {
        List<string> names;
        try
        {
            names = MiniExcel.GetSheetNames(seekable);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.Add(ImportProblem.File("corrupt_file", $"工作簿已损坏，无法读取：{e.Message}", $"the workbook is damaged and cannot be read: {e.Message}"));
            return null;
        }
        seekable.Position = 0;
        if (names.Count == 0)
        {
            errors.Add(ImportProblem.File("no_sheet", "工作簿中没有工作表", "the workbook has no worksheet"));
            return null;
        }
        var name = string.IsNullOrWhiteSpace(sheetName) ? names[0] : names.FirstOrDefault(n => n == sheetName.Trim());
        if (name is null)
        {
            errors.Add(ImportProblem.File("no_such_sheet", $"找不到工作表“{sheetName}”，现有：{string.Join("、", names)}",
                $"no sheet named '{sheetName}'; the workbook has: {string.Join(", ", names)}"));
            return null;
        }
        try
        {
            return new XlsxSheet(seekable, name);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.Add(ImportProblem.File("corrupt_file", $"工作表“{name}”已损坏，无法读取：{e.Message}", $"sheet '{name}' is damaged and cannot be read: {e.Message}"));
            return null;
        }
    }

    public IEnumerable<RawRow> Rows()
    {
        // MiniExcel yields empty rows for gaps, so counting keeps Excel's row numbers.
        var number = 1;
        while (_rows.MoveNext())
            yield return new RawRow(++number, Cells(_rows.Current, Headers.Count));
    }

    private static string?[] Cells(IDictionary<string, object?> row, int width)
    {
        var cells = new string?[Math.Max(width, row.Count)];
        var i = 0;
        foreach (var (_, value) in row)
        {
            if (i >= cells.Length) break;
            cells[i++] = Text(value);
        }
        return cells;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.Date == DateTime.MinValue.Date || t.Year < 1901 ? t.ToString("HH:mm", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public void Dispose() => _rows.Dispose();
}
