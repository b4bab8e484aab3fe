using System.Text;
using StationMap.Common;
using StationMap.Import;

namespace StationMap.Tests.Import;

/// <summary>Where a sheet's header is and which sheet is read: the layouts district unions actually send (a title row,
/// a 填报单位 line, a two-row header, an instructions sheet first) and the product's own template.</summary>
public class SheetLayoutTests
{
    private const string Title = "海淀区工会驿站统计表（2026年11月）";
    private const string Header = "站点名称,地址,经度,纬度,行政区划代码";
    private const string Row = "中关村驿站,北京市海淀区中关村大街27号,116.3162,39.9834,110108";
    private static readonly ImportOptions Options = new();

    private static (ISheetSource? Sheet, List<ImportProblem> Errors) Open(Stream s, string name, string? sheet = null)
    {
        var errors = new List<ImportProblem>();
        return (UploadedFile.Open(s, name, sheet, Options, errors, HeaderRule.Import), errors);
    }

    private static MemoryStream Book(params (string Name, object?[][] Rows)[] sheets)
    {
        var ms = new MemoryStream();
        using (var book = new XlsxWorkbookWriter(ms))
            foreach (var (name, rows) in sheets) book.AddSheet(name, rows[0].Select(c => c?.ToString() ?? "").ToArray(), rows[1..]);
        ms.Position = 0;
        return ms;
    }

    private static object?[] Cells(string line) => line.Split(',').Cast<object?>().ToArray();

    [Fact]
    public void A_csv_title_line_above_the_header_is_skipped_and_rows_keep_the_file_numbers()
    {
        var (sheet, errors) = Open(ImportFiles.Csv($"{Title},,,,\n{Header}\n{Row}\n{Row}\n", new UTF8Encoding(false)), "s.csv");
        Assert.Empty(errors);
        Assert.Equal("站点名称", sheet!.Headers[0]);
        Assert.Equal(2, sheet.HeaderRow);
        Assert.Equal([3, 4], sheet.Rows().Select(r => r.Number));
    }

    [Fact]
    public void A_gbk_csv_with_a_title_and_a_reporting_line_is_read_from_its_header()
    {
        var (sheet, errors) = Open(ImportFiles.Gbk($"{Title}\r\n填报单位：海淀区总工会,,,,填报日期：2026-11-30\r\n{Header}\r\n{Row}\r\n"), "s.csv");
        Assert.Empty(errors);
        Assert.StartsWith("gb18030", sheet!.Encoding);
        Assert.Equal((3, "行政区划代码"), (sheet.HeaderRow, sheet.Headers[4]));
        var row = Assert.Single(sheet.Rows());
        Assert.Equal((4, "中关村驿站"), (row.Number, row.Cells[0]));
    }

    [Fact]
    public void A_tab_separated_file_whose_title_line_has_no_separator_is_still_split_on_tabs()
    {
        var (sheet, _) = Open(ImportFiles.Csv($"{Title}\n{Header}\n{Row}\n".Replace(',', '\t'), Encoding.UTF8), "s.txt");
        Assert.Equal(5, sheet!.Headers.Count);
        Assert.Equal("110108", sheet.Rows().Single().Cells[4]);
    }

    [Fact]
    public void An_xlsx_header_on_row_3_is_found_and_rows_keep_excel_numbers()
    {
        var (sheet, errors) = Open(Book(("Sheet1", [[Title], ["填报单位：海淀区总工会", null, null, "填报日期：2026-11-30"], Cells(Header), Cells(Row), Cells(Row)])), "s.xlsx");
        Assert.Empty(errors);
        Assert.Equal(3, sheet!.HeaderRow);
        Assert.Equal([1, 2], sheet.RowsAbove);
        Assert.Equal("经度", sheet.Headers[2]);
        Assert.Equal([4, 5], sheet.Rows().Select(r => r.Number));
    }

    [Fact]
    public void A_two_row_header_takes_longitude_and_latitude_from_under_the_merged_cell()
    {
        var (sheet, errors) = Open(Book(("Sheet1", [["站点名称", "地址", "坐标", "", "行政区划代码"], [null, null, "经度", "纬度", null], Cells(Row)])), "s.xlsx");
        Assert.Empty(errors);
        Assert.Equal(["站点名称", "地址", "经度", "纬度", "行政区划代码"], sheet!.Headers);
        Assert.Equal(2, sheet.HeaderRow);
        Assert.Empty(sheet.RowsAbove);
        Assert.Equal(3, sheet.Rows().Single(r => !r.IsEmpty).Number);
    }

    [Fact]
    public void A_second_header_row_may_hold_names_the_import_does_not_know_beside_ones_it_does()
    {
        var (sheet, errors) = Open(Book(("Sheet1", [["站点名称", "地址", "坐标", "", "行政区划代码", "联系人", ""],
            [null, null, "经度", "纬度", null, "姓名", "电话"], [.. Cells(Row), "张三", "010-62561234"]])), "s.xlsx");
        Assert.Empty(errors);
        Assert.Equal(["站点名称", "地址", "经度", "纬度", "行政区划代码", "姓名", "电话"], sheet!.Headers);
        Assert.Equal(3, sheet.Rows().Single(r => !r.IsEmpty).Number);
    }

    [Fact]
    public void Without_a_sheet_name_the_first_sheet_with_a_header_is_read_and_a_named_sheet_wins()
    {
        MemoryStream File() => Book(("填表说明", [["填表说明"], ["1. 每行一个站点"], ["2. 坐标请使用高德坐标"]]),
            ("站点", [Cells(Header), Cells(Row)]), ("旧站点", [Cells(Header), Cells(Row)]));
        var (sheet, errors) = Open(File(), "s.xlsx");
        Assert.Empty(errors);
        Assert.Equal("站点", sheet!.Sheet);
        Assert.Equal(2, sheet.Rows().Single().Number);

        var (named, namedErrors) = Open(File(), "s.xlsx", "旧站点");
        Assert.Empty(namedErrors);
        Assert.Equal("旧站点", named!.Sheet);
    }

    [Fact]
    public void When_no_sheet_has_the_required_columns_the_problem_names_every_sheet_looked_at()
    {
        var (sheet, errors) = Open(Book(("填表说明", [["填表说明"], ["1. 每行一个站点"]]), ("站点", [["站点名称", "备注"], ["中关村驿站", "x"]])), "s.xlsx");
        // The first sheet is read, so that its missing columns are reported as they always were.
        Assert.Equal("填表说明", sheet!.Sheet);
        var problem = Assert.Single(errors);
        Assert.Equal("no_header", problem.Code);
        Assert.Contains("“填表说明”、“站点”", problem.Message);
        Assert.Contains("'填表说明', '站点'", problem.Message);
    }

    [Fact]
    public void A_sheet_with_a_partial_header_keeps_it_and_reports_the_missing_columns_on_its_row()
    {
        var (sheet, _) = Open(Book(("Sheet1", [[Title], ["站点名称", "地址", "备注"], ["中关村驿站", "北京市", null]])), "s.xlsx");
        Assert.Equal(2, sheet!.HeaderRow);
        var map = ColumnMap.Read(sheet.Headers, [], sheet.HeaderRow);
        Assert.All(map.MissingColumns(coordsysGiven: true), p => Assert.Equal((2, "missing_column"), (p.Row, p.Code)));
    }

    [Fact]
    public void The_import_template_is_read_from_its_stations_sheet()
    {
        var ms = new MemoryStream();
        ImportTemplate.Write(ms);
        ms.Position = 0;
        var (sheet, errors) = Open(ms, "模板.xlsx");
        Assert.Empty(errors);
        Assert.Equal(("站点", 1), (sheet!.Sheet, sheet.HeaderRow));
        Assert.Equal(ImportField.Name, ImportHeaders.Find(sheet.Headers[2]));
    }

    [Fact]
    public void Readers_without_the_import_rule_still_take_the_first_non_empty_row_of_the_first_sheet()
    {
        var errors = new List<ImportProblem>();
        using var sheet = UploadedFile.Open(Book(("Sheet1", [[Title], Cells(Header)])), "s.xlsx", null, Options, errors);
        Assert.Empty(errors);
        Assert.Equal((1, Title), (sheet!.HeaderRow, sheet.Headers[0]));
    }

    [Fact]
    public void Empty_lines_do_not_count_against_max_rows_but_every_line_counts_against_max_lines()
    {
        var limits = new SheetLimits(MaxRows: 2, MaxCellChars: 100);
        var text = $"{Header}\n{Row}\n{Row}\n" + string.Concat(Enumerable.Repeat(",,,,\n", 5000));
        using (var sheet = new GuardedSheet(new CsvSheet(ImportFiles.Csv(text, Encoding.UTF8)), limits))
            Assert.Equal(2, sheet.Rows().Count(r => !r.IsEmpty));

        using (var sheet = new GuardedSheet(new CsvSheet(ImportFiles.Csv($"{Header}\n{Row}\n,,,,\n{Row}\n{Row}\n", Encoding.UTF8)), limits))
            Assert.Equal("too_many_rows", Assert.Throws<SheetLimitException>(() => sheet.Rows().Count()).Problem.Code);

        var endless = $"{Header}\n{Row}\n" + string.Concat(Enumerable.Repeat(",\n", SheetLimits.ExcelRows));
        using (var sheet = new GuardedSheet(new CsvSheet(ImportFiles.Csv(endless, Encoding.UTF8)), limits))
        {
            var refused = Assert.Throws<SheetLimitException>(() => sheet.Rows().Count());
            Assert.True(refused.TooLarge);
            Assert.Contains($"{SheetLimits.ExcelRows}", refused.Problem.Message);
        }
    }
}
