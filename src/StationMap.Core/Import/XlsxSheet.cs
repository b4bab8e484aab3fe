using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace StationMap.Import;

/// <summary>
/// One worksheet of an .xlsx file, streamed by MiniExcel (shared strings beyond a few MB are cached on disk by it).
/// Cells come as their stored values as text: a formula's cached result, never a recalculation; text that looks like
/// a formula stays text. Only opened behind <see cref="ZipGuard"/>, and read through <see cref="GuardedSheet"/>.
/// </summary>
public sealed class XlsxSheet : ISheetSource
{
    private static readonly OpenXmlConfiguration Config = new() { FillMergedCells = false, EnableSharedStringCache = true };

    private readonly IEnumerator<IDictionary<string, object?>> _rows;
    private int _number;

    public IReadOnlyList<string?> Headers { get; }
    public string? Encoding => null;
    public string? Sheet { get; }

    private XlsxSheet(Stream seekable, string sheet)
    {
        Sheet = sheet;
        _rows = MiniExcel.Query(seekable, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX, configuration: Config)
            .Cast<IDictionary<string, object?>>().GetEnumerator();
        // The header is the first row that has a value; rows above it (titles left blank) are skipped.
        Headers = [];
        while (Next(0) is { } header)
            if (!header.IsEmpty) { Headers = header.Cells; break; }
    }

    /// <summary>Opens the named sheet, or the first; null (and a problem) when the name is not in the file.</summary>
    public static XlsxSheet? Open(Stream seekable, string? sheetName, List<ImportProblem> errors)
    {
        try
        {
            var names = MiniExcel.GetSheetNames(seekable);
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
            return new XlsxSheet(seekable, name);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not SheetLimitException)
        {
            errors.Add(ImportProblem.File("corrupt_file", $"工作簿已损坏，无法读取：{e.Message}", $"the workbook is damaged and cannot be read: {e.Message}"));
            return null;
        }
    }

    public IEnumerable<RawRow> Rows()
    {
        while (Next(Headers.Count) is { } row) yield return row;
    }

    /// <summary>The next row; MiniExcel yields every row from the first, empty ones included, so the count is Excel's number.</summary>
    private RawRow? Next(int width)
    {
        if (!_rows.MoveNext()) return null;
        _number++;
        var row = _rows.Current;
        var cells = new string?[Math.Max(width, row.Count)];
        var i = 0;
        foreach (var value in row.Values)
        {
            if (i < cells.Length) cells[i] = Text(value);
            i++;
        }
        return new RawRow(_number, cells);
    }

    /// <summary>A cell's value as the text the importer reads: numbers as Excel shows them (15 significant digits, whole
    /// numbers without ".0"), dates and times as ISO text, booleans as TRUE/FALSE.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string { Length: 0 } => null,
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("G15", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        // Excel's day 0 is 1899-12-30: a time alone, a date alone, or both.
        DateTime t when t.Year < 1901 => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public void Dispose() => _rows.Dispose();
}
