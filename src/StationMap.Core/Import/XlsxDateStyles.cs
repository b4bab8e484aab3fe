using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StationMap.Import;

/// <summary>
/// Which cell styles show a number as a date or time: Excel stores dates as day numbers, and only the style's
/// number format says so. Built-in formats by id (14–22, 45–47, and the East Asian 27–36, 50–58), custom ones
/// by their code (a y, m, d, h or s outside quotes, escapes and [colour]/[$-locale] brackets).
/// </summary>
internal sealed class XlsxDateStyles
{
    private readonly List<bool> _styles = [];

    public bool IsDate(int style) => style >= 0 && style < _styles.Count && _styles[style];

    public static XlsxDateStyles Read(WorkbookStylesPart? part)
    {
        var dates = new XlsxDateStyles();
        if (part is null) return dates;
        var custom = new Dictionary<uint, bool>();
        var inCellFormats = false;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(CellFormats)) inCellFormats = reader.IsStartElement;
            else if (reader.ElementType == typeof(NumberingFormat) && reader.IsStartElement
                     && reader.LoadCurrentElement() is NumberingFormat { NumberFormatId.Value: var id, FormatCode.Value: { } code })
                custom[id] = IsDateCode(code);
            else if (inCellFormats && reader.ElementType == typeof(CellFormat) && reader.IsStartElement)
            {
                var format = reader.Attributes.FirstOrDefault(a => a.LocalName == "numFmtId").Value;
                var numFmt = uint.TryParse(format, out var n) ? n : 0;
                dates._styles.Add(custom.TryGetValue(numFmt, out var isDate) ? isDate : IsBuiltInDate(numFmt));
            }
        }
        return dates;
    }

    private static bool IsBuiltInDate(uint id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    internal static bool IsDateCode(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    i = code.IndexOf('"', i + 1) is var q and >= 0 ? q : code.Length;
                    break;
                case '\\' or '_' or '*':
                    i++; // the next character is literal (or padding)
                    break;
                case '[':
                    // [h], [mm], [ss] are elapsed time; [Red], [$-804], [>100] are not dates
                    var end = code.IndexOf(']', i + 1) is var b and >= 0 ? b : code.Length;
                    if (code.AsSpan(i + 1, Math.Max(0, end - i - 1)).Trim().ToString().ToLowerInvariant() is var inner && inner.Length > 0 && inner.All(c => c is 'h' or 'm' or 's'))
                        return true;
                    i = end;
                    break;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S':
                    return true;
            }
        }
        return false;
    }
}
