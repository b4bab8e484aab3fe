using System.Globalization;
using System.Runtime.ExceptionServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StationMap.Import;

/// <summary>
/// One worksheet of an .xlsx file, streamed by the OpenXml SDK's <see cref="OpenXmlReader"/> (SAX: one element at a
/// time, never the sheet as a tree). Cells come as their stored values as text, not as Excel displays them: numbers in
/// general form (custom formats such as 000000 are not applied, so a code stored as a number has no leading zeros),
/// dates and times (date-styled numbers and t="d" cells alike) as ISO text; a formula's cached result, never a
/// recalculation; text that looks like a formula stays text. Only opened behind <see cref="ZipGuard"/>, and read
/// through <see cref="GuardedSheet"/>. The SDK refuses a DTD (XXE), and no part may expand past MaxUncompressedBytes
/// characters, whatever the zip directory says.
/// </summary>
public sealed class XlsxSheet : ISheetSource
{
    /// <summary>Excel's widest sheet (A to XFD).</summary>
    public const int MaxColumns = 16_384;

    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _reader;
    private readonly XlsxSharedStrings _strings;
    private readonly XlsxDateStyles _dates;
    private readonly Queue<(int Number, string?[] Cells)> _after;
    private ExceptionDispatchInfo? _failure;
    /// <summary>The last row number given out (<see cref="Next"/>), and the last &lt;row&gt; read from the XML.</summary>
    private int _number, _read;
    private (int Number, string?[] Cells)? _ahead;

    public IReadOnlyList<string?> Headers { get; }
    public int HeaderRow { get; }
    public IReadOnlyList<int> RowsAbove { get; }
    /// <summary>Whether the header names every required column (always false without a rule).</summary>
    public bool HeaderComplete { get; }
    public string? Encoding => null;
    public string? Sheet { get; }

    private XlsxSheet(SpreadsheetDocument document, WorksheetPart part, string sheet, XlsxSharedStrings strings, XlsxDateStyles dates, HeaderRule? rule)
    {
        _document = document;
        Sheet = sheet;
        _strings = strings;
        _dates = dates;
        _reader = OpenXmlReader.Create(part);
        // Rows above the header (a title, blank rows) are skipped without counting through the numbers between (a
        // first row numbered 1,000,000 costs nothing); rows read past it wait in _after.
        (var headers, HeaderRow, HeaderComplete, _after, var above, _failure) = HeaderScan.Find(ReadRow, rule);
        Headers = headers;
        RowsAbove = above;
        _number = HeaderRow;
    }

    /// <summary>Opens the named sheet; without a name, the first whose header <paramref name="rule"/> finds complete,
    /// or else the first (the missing columns are then reported, and a problem names the sheets looked at). Null (and a
    /// problem) when the name is not in the file.</summary>
    public static XlsxSheet? Open(Stream seekable, string? sheetName, List<ImportProblem> errors, ImportOptions? options = null, HeaderRule? rule = null)
    {
        SpreadsheetDocument? document = null;
        XlsxSheet? first = null;
        try
        {
            options ??= new ImportOptions();
            var settings = new OpenSettings { AutoSave = false, MaxCharactersInPart = options.MaxUncompressedBytes };
            document = SpreadsheetDocument.Open(seekable, isEditable: false, settings);
            var book = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
            var sheets = SheetsOf(book);
            if (sheets.Count == 0)
            {
                errors.Add(ImportProblem.File("no_sheet", "工作簿中没有工作表", "the workbook has no worksheet"));
                return Closed(document);
            }
            var names = sheets.Select(s => s.Name).ToList();
            (string Name, string Id)? named = string.IsNullOrWhiteSpace(sheetName) ? null : sheets.FirstOrDefault(s => s.Name == sheetName.Trim());
            if (named is { Name: null })
            {
                errors.Add(ImportProblem.File("no_such_sheet", $"找不到工作表“{sheetName}”，现有：{string.Join("、", names)}",
                    $"no sheet named '{sheetName}'; the workbook has: {string.Join(", ", names)}"));
                return Closed(document);
            }
            // Read once for every sheet looked at.
            var strings = XlsxSharedStrings.Read(book.SharedStringTablePart, options.MaxSharedStringsBytes);
            var dates = XlsxDateStyles.Read(book.WorkbookStylesPart);
            List<(string Name, string Id)> candidates = named is { } n ? [n] : rule is null ? [sheets[0]] : sheets;
            var looked = new List<string>();
            foreach (var (name, id) in candidates)
            {
                var part = book.GetPartById(id) as WorksheetPart ?? throw new InvalidDataException($"sheet '{name}' is not a worksheet");
                var sheet = new XlsxSheet(document, part, name, strings, dates, rule);
                looked.Add(name);
                if (rule is null || sheet.HeaderComplete)
                {
                    first?._reader.Dispose();
                    return sheet;
                }
                if (first is null) first = sheet;
                else sheet._reader.Dispose();
            }
            var quoted = string.Join("、", looked.Select(l => $"“{l}”"));
            errors.Add(ImportProblem.File("no_header",
                $"在工作表{quoted}的前 {HeaderRule.RowsScanned} 个非空行中没有找到含全部必填列（{HeaderRule.RequiredChinese}）的表头；以下缺少的列按工作表“{first!.Sheet}”报告",
                $"no header with every required column ({HeaderRule.RequiredEnglish}) in the first {HeaderRule.RowsScanned} non-empty rows of sheet(s) {string.Join(", ", looked.Select(l => $"'{l}'"))}; the missing columns below are those of sheet '{first.Sheet}'"));
            return first;
        }
        catch (SheetLimitException)
        {
            first?._reader.Dispose();
            document?.Dispose();
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            first?._reader.Dispose();
            document?.Dispose();
            errors.Add(ImportProblem.File("corrupt_file", $"工作簿已损坏，无法读取：{e.Message}", $"the workbook is damaged and cannot be read: {e.Message}"));
            return null;
        }
    }

    private static XlsxSheet? Closed(SpreadsheetDocument document)
    {
        document.Dispose();
        return null;
    }

    /// <summary>The sheets in workbook order (the order Excel shows), with their relationship ids.</summary>
    private static List<(string Name, string Id)> SheetsOf(WorkbookPart book)
    {
        var sheets = new List<(string, string)>();
        using var reader = OpenXmlReader.Create(book);
        while (reader.Read())
            if (reader.ElementType == typeof(Sheet) && reader.IsStartElement && reader.LoadCurrentElement() is Sheet { Name.Value: { } name, Id.Value: { } id })
                sheets.Add((name, id));
        return sheets;
    }

    /// <summary>The data rows. Whatever the file's XML breaks on the way (bad numbers or references, a string index
    /// that is not a number, XML cut short) comes out as one <see cref="UnreadableFileException"/>; limits stay
    /// <see cref="SheetLimitException"/>.</summary>
    public IEnumerable<RawRow> Rows()
    {
        while (true)
        {
            RawRow? row;
            try
            {
                row = Next(Headers.Count);
            }
            catch (Exception e) when (e is not SheetLimitException and not UnreadableFileException and not OutOfMemoryException and not OperationCanceledException)
            {
                throw new UnreadableFileException($"第 {_number + 1} 行附近 / near row {_number + 1}: {e.Message}", e);
            }
            if (row is not { } r) yield break;
            yield return r;
        }
    }

    /// <summary>The next row by Excel's numbering: rows the file leaves out (nothing in them) come as empty rows.</summary>
    private RawRow? Next(int width)
    {
        _ahead ??= _after.TryDequeue(out var read) ? read : _failure is { } failure ? Fail(failure) : ReadRow();
        if (_ahead is not { } ahead) return null;
        _number++;
        if (ahead.Number > _number) return new RawRow(_number, new string?[width]);
        _ahead = null;
        if (ahead.Cells.Length >= width) return new RawRow(_number, ahead.Cells);
        var cells = new string?[width];
        ahead.Cells.CopyTo(cells, 0);
        return new RawRow(_number, cells);
    }

    /// <summary>The error that ended the header search, where the rows reach it; then the reading ends.</summary>
    private (int, string?[])? Fail(ExceptionDispatchInfo failure)
    {
        _failure = null;
        failure.Throw();
        return null;
    }

    /// <summary>The next &lt;row&gt; element: its number (r, or the one after the last) and its cells placed by reference.</summary>
    private (int Number, string?[] Cells)? ReadRow()
    {
        while (_reader.Read())
        {
            if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement) continue;
            var number = Attribute("r") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : _read + 1;
            if (number <= _read) throw new InvalidDataException($"row {number} appears after row {_read}");
            _read = number;
            var cells = new List<string?>();
            var column = -1;
            if (!_reader.ReadFirstChild()) return (number, []);
            var seen = 0;
            do
            {
                if (_reader.ElementType != typeof(Cell) || !_reader.IsStartElement) continue;
                column = Attribute("r") is { } reference ? ColumnOf(reference) : column + 1;
                // Excel's widest row: a few MB of <c/> (no reference) or repeated references would otherwise grow a row without bound.
                if (column >= MaxColumns || ++seen > MaxColumns)
                    throw new SheetLimitException("too_many_columns", $"第 {number} 行超过 {MaxColumns} 列（Excel 的上限），拒绝读取",
                        $"row {number} has more than {MaxColumns} columns (Excel's limit); refused");
                while (cells.Count <= column) cells.Add(null);
                cells[column] = CellText();
            } while (_reader.ReadNextSibling());
            return (number, cells.ToArray());
        }
        return null;
    }

    /// <summary>The current &lt;c&gt;'s value as the text the importer reads: numbers in general form whatever their number
    /// format (15 significant digits, whole numbers without ".0"), dates and times as yyyy-MM-dd, yyyy-MM-dd HH:mm or HH:mm,
    /// booleans as TRUE/FALSE, errors as Excel's code.</summary>
    private string? CellText()
    {
        var type = Attribute("t");
        var style = Attribute("s");
        string? value = null, inline = null;
        if (_reader.ReadFirstChild())
        {
            do
            {
                if (!_reader.IsStartElement) continue;
                if (_reader.ElementType == typeof(CellValue)) value = _reader.GetText();
                else if (_reader.ElementType == typeof(InlineString)) inline = XlsxSharedStrings.ItemText(_reader);
            } while (_reader.ReadNextSibling());
        }
        var text = type switch
        {
            "s" => value is null ? null : _strings[int.Parse(value, CultureInfo.InvariantCulture)],
            "inlineStr" => inline,
            "b" => value is null ? null : value.Trim() is "1" or "true" ? "TRUE" : "FALSE",
            "str" => value is null ? null : StationMap.Common.OoxmlText.Decode(value),
            "d" => IsoDate(value),
            "e" => value,
            _ => Number(value, style),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private string? Number(string? value, string? style)
    {
        if (value is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return value;
        if (style is not null && _dates.IsDate(int.Parse(style, CultureInfo.InvariantCulture)) && d is > -657435 and < 2958466)
            return DateText(DateTime.FromOADate(d));
        return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? d.ToString("0", CultureInfo.InvariantCulture) : d.ToString("G15", CultureInfo.InvariantCulture);
    }

    /// <summary>Excel's day 0 is 1899-12-30: a time alone, a date alone, or both.</summary>
    private static string DateText(DateTime t) =>
        t.Year < 1901 ? t.ToString("HH:mm", CultureInfo.InvariantCulture)
        : t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A t="d" cell (ISO 8601, as some writers store dates) rendered like a date-styled number; the clock time
    /// as written (an offset is not applied); text that is no date stays as it is.</summary>
    private static string? IsoDate(string? value)
    {
        if (value is null) return null;
        var v = value.Trim();
        var timeOnly = !(v.Length >= 10 && v[4] == '-' && v[7] == '-');
        if (!DateTimeOffset.TryParse(timeOnly ? "1899-12-30T" + v.TrimStart('T') : v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return value;
        return DateText(parsed.DateTime);
    }

    private string? Attribute(string name)
    {
        var attributes = _reader.Attributes;
        for (var i = 0; i < attributes.Count; i++)
            if (attributes[i].LocalName == name && string.IsNullOrEmpty(attributes[i].NamespaceUri)) return attributes[i].Value;
        return null;
    }

    /// <summary>"C7" → 2; past Excel's last column (XFD) the count stops at <see cref="MaxColumns"/>.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            column = Math.Min(column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1), MaxColumns + 1);
        if (i == 0) throw new InvalidDataException($"'{reference}' is not a cell reference");
        return column - 1;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _document.Dispose();
    }
}
