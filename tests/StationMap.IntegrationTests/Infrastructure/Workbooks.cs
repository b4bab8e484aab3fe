using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StationMap.Import;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>Reads a downloaded workbook back: sheet names from the OpenXml SDK, rows through the product's own xlsx
/// reader (cells as the text an upload of the same file would give).</summary>
internal static class Workbooks
{
    public static List<string> SheetNames(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
    }

    public static List<string?> Headers(byte[] xlsx, string? sheet = null)
    {
        using var source = Open(xlsx, sheet);
        return source.Headers.ToList();
    }

    /// <summary>The rows below the header as header → cell text; empty rows left out.</summary>
    public static List<Dictionary<string, string?>> Rows(byte[] xlsx, string? sheet = null)
    {
        using var source = Open(xlsx, sheet);
        return source.Rows().Where(r => !r.IsEmpty).Select(r => source.Headers
            .Select((h, i) => (h, i)).Where(x => x.h is not null)
            .ToDictionary(x => x.h!, x => x.i < r.Cells.Length ? r.Cells[x.i] : null)).ToList();
    }

    private static XlsxSheet Open(byte[] xlsx, string? sheet)
    {
        var errors = new List<ImportProblem>();
        var source = XlsxSheet.Open(new MemoryStream(xlsx), sheet, errors);
        Assert.Empty(errors);
        return source!;
    }
}
