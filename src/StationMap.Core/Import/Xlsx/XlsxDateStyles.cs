using System.Xml;

namespace StationMap.Import.Xlsx;

/// <summary>Which cell styles (indexes into cellXfs) show a number as a date or time, as Excel would.</summary>
internal static class XlsxDateStyles
{
    public static HashSet<int> Read(Stream? part)
    {
        var dates = new HashSet<int>();
        if (part is null) return dates;
        using var xml = XlsxWorkbook.Xml(part);
        var custom = new Dictionary<int, string>();
        var (inCellXfs, index) = (false, 0);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), out var id):
                    custom[id] = xml.GetAttribute("formatCode") ?? "";
                    break;
                case "cellXfs":
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    if (int.TryParse(xml.GetAttribute("numFmtId"), out var fmt) && IsDate(fmt, custom)) dates.Add(index);
                    index++;
                    break;
            }
        }
        return dates;
    }

    /// <summary>Built-in date/time formats (14–22, 45–47 and the CJK ones), or a custom code with date/time letters
    /// outside quotes, escapes and brackets.</summary>
    public static bool IsDate(int fmt, IReadOnlyDictionary<int, string> custom)
    {
        if (custom.TryGetValue(fmt, out var code)) return IsDateCode(code);
        return fmt is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;
    }

    public static bool IsDateCode(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') { i = code.IndexOf('"', i + 1); if (i < 0) return false; }
            else if (c == '\\' || c == '_' || c == '*') i++;
            else if (c == '[') { var end = code.IndexOf(']', i); if (end < 0) return false; if (IsElapsed(code[(i + 1)..end])) return true; i = end; }
            else if (c == ';') return false; // the first section decides
            else if ("yYmMdDhHsS".Contains(c)) return true;
        }
        return false;
    }

    private static bool IsElapsed(string inner) => inner.Length > 0 && inner.All(ch => "hHmMsS".Contains(ch));
}
