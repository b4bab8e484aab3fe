using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StationMap.Common;

/// <summary>
/// Writes an .xlsx sheet by sheet with the OpenXml SDK's streaming <see cref="OpenXmlWriter"/>: each sheet's rows go
/// to the zip as they come, never held whole. The package is opened write-only, where the SDK's document classes
/// would buffer every part in memory (they need a readable package), so the parts are created here in the order
/// they are written: the sheets, then the styles and the workbook that lists them.
/// A sheet's first row is its header (bold, and a filter when asked). Cells: text as inline strings, numbers as
/// numbers, booleans; null and "" leave the cell out. Characters XML cannot carry (control characters, unpaired
/// surrogates) are stored as OOXML's _xHHHH_ escape (<see cref="OoxmlText"/>), as Excel does. Relationship ids are fixed, so the same rows give the same parts.
/// </summary>
public sealed class XlsxWorkbookWriter : IDisposable
{
    private const string SheetMl = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly OpenXmlAttribute Inline = new("t", "", "inlineStr");
    private static readonly OpenXmlAttribute Boolean = new("t", "", "b");
    private static readonly OpenXmlAttribute BoldStyle = new("s", "", "1");
    private static readonly OpenXmlAttribute Preserve = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
    // Start tags only: the writer takes the element's name, the attributes come with each call.
    private static readonly Row RowTag = new();
    private static readonly Cell CellTag = new();
    private static readonly InlineString InlineTag = new();
    private static readonly Text TextTag = new();
    private static readonly CellValue ValueTag = new();

    private readonly Package _package;
    private readonly List<(string Name, string Id)> _sheets = [];
    private readonly CompressionOption _compression;
    private bool _failed;

    /// <summary>Writes to <paramref name="output"/> (left open); <paramref name="compression"/> Fast when the file is re-packed anyway.</summary>
    public XlsxWorkbookWriter(Stream output, CompressionOption compression = CompressionOption.Normal)
    {
        _package = Package.Open(output, FileMode.Create, FileAccess.Write);
        _compression = compression;
    }

    /// <summary>Writes one sheet; returns its name as stored (see <see cref="SheetName"/>).</summary>
    public string AddSheet(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, bool filter = false)
    {
        name = SheetName(name, _sheets.Select(s => s.Name), _sheets.Count + 1);
        var id = $"rId{_sheets.Count + 1}";
        var part = _package.CreatePart(new Uri($"/xl/worksheets/sheet{_sheets.Count + 1}.xml", UriKind.Relative), SheetMl + ".worksheet+xml", _compression);
        _sheets.Add((name, id));
        Stream? stream = null;
        OpenXmlWriter? w = null;
        try
        {
            stream = part.GetStream();
            w = OpenXmlWriter.Create(stream);
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetData());
            WriteRow(w, 1, headers, header: true);
            var last = 1;
            foreach (var row in rows) WriteRow(w, ++last, row, header: false);
            w.WriteEndElement();
            if (filter && headers.Count > 0)
                w.WriteElement(new AutoFilter { Reference = $"A1:{Column(headers.Count - 1)}{last}" });
            w.WriteEndElement();
            w.Dispose();
            stream.Dispose();
        }
        catch
        {
            // The rows (a database cursor, say) or the output failed: the workbook is not finished, and closing
            // what is open must not hide the first failure.
            _failed = true;
            Quietly(w);
            Quietly(stream);
            throw;
        }
        return name;
    }

    private static void Quietly(IDisposable? disposable)
    {
        try
        {
            disposable?.Dispose();
        }
        catch (Exception)
        {
            // Already failing: the first exception is the one the caller sees.
        }
    }

    /// <summary>A name Excel opens: none of : \ / ? * [ ] (nor characters XML cannot carry), not starting or ending with ',
    /// at most 31 characters, and unique ignoring case (a " (2)" suffix; "History" is Excel's own).</summary>
    internal static string SheetName(string wanted, IEnumerable<string> taken, int number)
    {
        const int Max = 31;
        var chars = wanted.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var paired = char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]);
            if (paired) i++;
            else if (chars[i] is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || !System.Xml.XmlConvert.IsXmlChar(chars[i])) chars[i] = '_';
        }
        var name = Cut(new string(chars).Trim().Trim('\''), Max).Trim().Trim('\'');
        if (name.Length == 0) name = $"Sheet{number}";
        var used = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase) { "History" };
        var unique = name;
        for (var n = 2; used.Contains(unique); n++)
        {
            var suffix = $" ({n})";
            unique = Cut(name, Max - suffix.Length).TrimEnd() + suffix;
        }
        return unique;
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, never half a surrogate pair.</summary>
    private static string Cut(string s, int max) =>
        s.Length <= max ? s : s[..(char.IsHighSurrogate(s[max - 1]) ? max - 1 : max)];

    private static void WriteRow(OpenXmlWriter w, int number, IReadOnlyList<object?> cells, bool header)
    {
        var r = number.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement(RowTag, [new OpenXmlAttribute("r", "", r)]);
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = new OpenXmlAttribute("r", "", Column(i) + r);
            switch (cells[i])
            {
                case null or "":
                    continue;
                case string s:
                    w.WriteStartElement(CellTag, header ? [reference, Inline, BoldStyle] : [reference, Inline]);
                    w.WriteStartElement(InlineTag);
                    w.WriteStartElement(TextTag, s.Trim().Length == s.Length ? [] : [Preserve]);
                    w.WriteString(OoxmlText.Encode(s));
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
                case bool b:
                    w.WriteStartElement(CellTag, [reference, Boolean]);
                    Value(w, b ? "1" : "0");
                    break;
                case double or float or decimal or int or long or short or byte:
                    w.WriteStartElement(CellTag, [reference]);
                    Value(w, Convert.ToString(cells[i], CultureInfo.InvariantCulture)!);
                    break;
                case var other:
                    throw new ArgumentException($"no xlsx cell for a {other.GetType().Name}", nameof(cells));
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Value(OpenXmlWriter w, string value)
    {
        w.WriteStartElement(ValueTag);
        w.WriteString(value);
        w.WriteEndElement();
    }

    /// <summary>The styles (0 = plain, 1 = bold header) and the workbook listing the sheets; then the package is closed.
    /// After a failed sheet only the package is closed (quietly): the output is no workbook, and the sheet's exception stands.</summary>
    public void Dispose()
    {
        if (_failed)
        {
            Quietly(_package);
            return;
        }
        try
        {
            var styles = _package.CreatePart(new Uri("/xl/styles.xml", UriKind.Relative), SheetMl + ".styles+xml", _compression);
            using (var stream = styles.GetStream())
            using (var w = OpenXmlWriter.Create(stream))
                w.WriteElement(new Stylesheet(
                    new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
                    new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                    new Borders(new Border()) { Count = 1 },
                    new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 }));

            var bookUri = new Uri("/xl/workbook.xml", UriKind.Relative);
            var book = _package.CreatePart(bookUri, SheetMl + ".sheet.main+xml", _compression);
            _package.CreateRelationship(bookUri, TargetMode.Internal, Relationships + "/officeDocument", "rId1");
            foreach (var (i, (_, id)) in _sheets.Index())
                book.CreateRelationship(new Uri($"worksheets/sheet{i + 1}.xml", UriKind.Relative), TargetMode.Internal, Relationships + "/worksheet", id);
            book.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, Relationships + "/styles", $"rId{_sheets.Count + 1}");
            using (var stream = book.GetStream())
            using (var w = OpenXmlWriter.Create(stream))
                w.WriteElement(new Workbook(new Sheets(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = s.Id }))));
        }
        catch
        {
            Quietly(_package);
            throw;
        }
        _package.Close();
    }

    private static readonly string[] Letters = Enumerable.Range(0, 256).Select(StationMap.Import.ColumnMap.ColumnLetter).ToArray();

    private static string Column(int index) => index < Letters.Length ? Letters[index] : StationMap.Import.ColumnMap.ColumnLetter(index);
}
