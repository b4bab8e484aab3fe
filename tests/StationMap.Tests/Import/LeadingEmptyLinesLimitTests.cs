using System.Text;
using StationMap.Import;

namespace StationMap.Tests.Import;

/// <summary>MaxLines promises that a file of millions of empty lines is refused, not walked through. The header search
/// skips empty lines before the first non-empty one without counting them, so the promise breaks when they come first.</summary>
public class LeadingEmptyLinesLimitTests
{
    private const string Header = "站点名称,地址,经度,纬度,行政区划代码";
    private const string Row = "中关村驿站,北京市海淀区中关村大街27号,116.3162,39.9834,110108";

    [Fact]
    public void A_csv_with_more_empty_lines_than_excel_has_rows_before_its_header_is_refused()
    {
        // More lines than any sheet Excel saves: the same file with the empty lines after the header is refused.
        var text = string.Concat(Enumerable.Repeat(",,,,\n", SheetLimits.ExcelRows + 10)) + $"{Header}\n{Row}\n";
        var errors = new List<ImportProblem>();
        using var sheet = UploadedFile.Open(ImportFiles.Csv(text, new UTF8Encoding(false)), "s.csv", null, new ImportOptions(), errors, HeaderRule.Import);
        var refused = Assert.Throws<SheetLimitException>(() => sheet!.Rows().Count());
        Assert.Equal("too_many_rows", refused.Problem.Code);
    }
}
