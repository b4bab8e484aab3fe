using System.Text;
using System.Xml;

namespace StationMap.Import.Xlsx;

/// <summary>The shared string table, loaded once: each item's text runs joined, phonetic guides (rPh) left out.</summary>
internal static class XlsxSharedStrings
{
    public static List<string> Read(Stream? part)
    {
        var list = new List<string>();
        if (part is null) return list;
        using var xml = XlsxWorkbook.Xml(part);
        var text = new StringBuilder();
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si") continue;
            list.Add(ItemText(xml, text));
        }
        return list;
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; element (reader on its start tag; left on its end tag).</summary>
    public static string ItemText(XmlReader xml, StringBuilder text)
    {
        if (xml.IsEmptyElement) return "";
        text.Clear();
        var depth = xml.Depth;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "t" }) text.Append(xml.ReadElementContentAsString()); // moves past </t>
            else if (xml is { NodeType: XmlNodeType.Element, LocalName: "rPh" }) xml.Skip();
            else if (!xml.Read()) break;
        }
        return text.ToString();
    }
}
