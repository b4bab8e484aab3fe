using System.Text;
using StationMap.Common;

namespace StationMap.Tests.Import;

/// <summary>Real files for the readers, written the way staff's tools write them.</summary>
internal static class ImportFiles
{
    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Dir { get; } = Directory.CreateTempSubdirectory("stationmap-import-").FullName;

    public static MemoryStream Csv(string text, Encoding encoding, bool bom = false)
    {
        var ms = new MemoryStream();
        if (bom) ms.Write(encoding is UTF8Encoding ? [0xEF, 0xBB, 0xBF] : encoding.GetPreamble());
        ms.Write(encoding.GetBytes(text));
        ms.Position = 0;
        return ms;
    }

    public static MemoryStream Gbk(string text) => Csv(text, Encoding.GetEncoding("GBK"));

    /// <summary>An xlsx written by the product's writer: first row headers, cells as given (strings stay strings, numbers numbers).</summary>
    public static MemoryStream Xlsx(string[] headers, params object?[][] rows) => Xlsx("Sheet1", headers, rows);

    public static MemoryStream Xlsx(string sheet, string[] headers, params object?[][] rows)
    {
        var ms = new MemoryStream();
        using (var book = new XlsxWorkbookWriter(ms)) book.AddSheet(sheet, headers, rows);
        ms.Position = 0;
        return ms;
    }
}
