using System.Globalization;
using System.Text;
using System.Xml;
using StationMap.Import.Xlsx;

namespace StationMap.Import;

/// <summary>
/// One worksheet of an .xlsx file, streamed with an <see cref="XmlReader"/> over the sheet part (shared strings
/// and date styles loaded once). Cells come as their stored values: a formula's cached result, never a
/// recalculation; text that looks like a formula stays text. Row numbers are Excel's (the rows' r attribute).
/// </summary>
public sealed class XlsxSheet : ISheetSource
{
    private readonly XlsxWorkbook _book;
    private readonly XmlReader _xml;
    private readonly StringBuilder _text = new();
    private readonly List<string?> _cells = [];

    public IReadOnlyList<string?> Headers { get; }
    public string? Encoding => null;
    public string? Sheet { get; }

    private XlsxSheet(XlsxWorkbook book, string sheet, string part)
    {
        _book = book;
        Sheet = sheet;
        _xml = XlsxWorkbook.Xml(book.Open(part) ?? throw new InvalidDataException($"the part {part} is missing"));
        // The header is the first row that has a value; rows above it (titles left blank) are skipped.
        Headers = [];
        while (NextRow(0) is { } header)
            if (header.Cells.Any(c => !string.IsNullOrWhiteSpace(c))) { Headers = header.Cells; break; }
    }

    /// <summary>Opens the named sheet, or the first; null (and a problem) when the name is not in the file.</summary>
    public static XlsxSheet? Open(Stream seekable, string? sheetName, List<ImportProblem> errors)
    {
        XlsxWorkbook book;
        try
        {
            book = XlsxWorkbook.Open(seekable);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            errors.Add(ImportProblem.File("corrupt_file", $"工作簿已损坏，无法读取：{e.Message}", $"the workbook is damaged and cannot be read: {e.Message}"));
            return null;
        }
        var names = book.Sheets.Select(s => s.Name).ToList();
        if (names.Count == 0)
        {
            book.Dispose();
            errors.Add(ImportProblem.File("no_sheet", "工作簿中没有工作表", "the workbook has no worksheet"));
            return null;
        }
        var index = string.IsNullOrWhiteSpace(sheetName) ? 0 : names.IndexOf(sheetName.Trim());
        if (index < 0)
        {
            book.Dispose();
            errors.Add(ImportProblem.File("no_such_sheet", $"找不到工作表“{sheetName}”，现有：{string.Join("、", names)}",
                $"no sheet named '{sheetName}'; the workbook has: {string.Join(", ", names)}"));
            return null;
        }
        var (name, part) = book.Sheets[index];
        try
        {
            return new XlsxSheet(book, name, part);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            book.Dispose();
            errors.Add(ImportProblem.File("corrupt_file", $"工作表“{name}”已损坏，无法读取：{e.Message}", $"sheet '{name}' is damaged and cannot be read: {e.Message}"));
            return null;
        }
    }

    public IEnumerable<RawRow> Rows()
    {
        while (NextRow(Headers.Count) is { } row) yield return row;
    }

    private int _lastRow;

    /// <summary>The next &lt;row&gt; of sheetData, cells placed by their column letters; null at the end.</summary>
    private RawRow? NextRow(int width)
    {
        while (_xml.Read())
        {
            if (_xml.NodeType != XmlNodeType.Element || _xml.LocalName != "row") continue;
            var number = int.TryParse(_xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : _lastRow + 1;
            _lastRow = number;
            _cells.Clear();
            if (!_xml.IsEmptyElement) ReadCells();
            var cells = new string?[Math.Max(width, _cells.Count)];
            _cells.CopyTo(cells);
            return new RawRow(number, cells);
        }
        return null;
    }

    private void ReadCells()
    {
        var depth = _xml.Depth;
        while (_xml.Read() && _xml.Depth > depth)
        {
            if (_xml.NodeType != XmlNodeType.Element || _xml.LocalName != "c") continue;
            var column = XlsxCellRef.Column(_xml.GetAttribute("r")) ?? _cells.Count;
            var value = ReadCell();
            if (value is null) continue;
            while (_cells.Count <= column) _cells.Add(null);
            _cells[column] = value;
        }
    }

    /// <summary>One &lt;c&gt;: its cached value as text (null when empty); the formula (&lt;f&gt;) is ignored.</summary>
    private string? ReadCell()
    {
        var type = _xml.GetAttribute("t");
        var style = int.TryParse(_xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (_xml.IsEmptyElement) return null;
        string? raw = null;
        var depth = _xml.Depth;
        _xml.Read();
        while (_xml.Depth > depth)
        {
            if (_xml is { NodeType: XmlNodeType.Element, LocalName: "v" }) raw = _xml.ReadElementContentAsString();
            else if (_xml is { NodeType: XmlNodeType.Element, LocalName: "is" }) { raw = XlsxSharedStrings.ItemText(_xml, _text); _xml.Read(); }
            else if (_xml is { NodeType: XmlNodeType.Element }) _xml.Skip();
            else if (!_xml.Read()) break;
        }
        return string.IsNullOrEmpty(raw) ? null : XlsxCellText.Of(type, raw, _book.DateStyles.Contains(style), _book.SharedStrings);
    }

    public void Dispose()
    {
        _xml.Dispose();
        _book.Dispose();
    }
}
