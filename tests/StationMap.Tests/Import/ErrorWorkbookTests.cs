using StationMap.Import;

namespace StationMap.Tests.Import;

public class ErrorWorkbookTests
{
    // Staff fix the rejected rows in this workbook and upload it again: a cell must come back exactly as it was
    // uploaded (an apostrophe in front would be stored, and "'+86 138…" fails the phone rule).
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("@SUM(A1)")]
    [InlineData("-12.5")]
    [InlineData("中关村")]
    public void A_rejected_cell_reads_back_as_it_was_uploaded(string cell)
    {
        var xlsx = new MemoryStream();
        ErrorWorkbook.Write(xlsx, new RejectedRows(["站点名称"], [new RejectedRow(2, [cell], "错误 error")]));
        var errors = new List<ImportProblem>();
        using var sheet = XlsxSheet.Open(new MemoryStream(xlsx.ToArray()), null, errors)!;
        Assert.Empty(errors);
        Assert.Equal(cell, sheet.Rows().Single(r => !r.IsEmpty).Cells[1]);
    }
}
