using System.Net;
using StationMap.Auth;
using StationMap.Common;
using StationMap.Import;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>What the user sees when the header is not on row 1: problems and the error workbook carry the sheet's own
/// row numbers (the row to fix in Excel), and a workbook without any usable header is refused naming its sheets.</summary>
public class SheetLayoutImportTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private static object?[] Cells(string row) => row.Split(',').Cast<object?>().ToArray();

    private static byte[] Book(Action<XlsxWorkbookWriter> write)
    {
        var ms = new MemoryStream();
        using (var book = new XlsxWorkbookWriter(ms)) write(book);
        return ms.ToArray();
    }

    [Fact]
    public async Task With_the_header_on_row_3_problems_and_the_error_workbook_name_the_sheets_own_rows()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var bad = Row("LAYOUT-2", "表头第三行二号驿站", 42, phone: "电话待补");
        var file = Book(b => b.AddSheet("站点", ["海淀区工会驿站统计表（2026年11月）"],
            [["填报单位：海淀区总工会"], Cells(Header), Cells(Row("LAYOUT-1", "表头第三行一号驿站", 41)), Cells(bad)]));

        var report = await (await client.UploadAsync(file, "coordsys=wgs84&dryRun=false&skipInvalid=true", "统计表.xlsx")).JsonAsync();
        Assert.Equal(1, report.GetProperty("counts").GetProperty("inserted").GetInt32());
        var error = report.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((5, "联系电话"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        // The title and the 填报单位 line are said to be skipped, on their own rows.
        Assert.Equal([1, 2], report.GetProperty("warnings").EnumerateArray()
            .Where(w => w.GetProperty("code").GetString() == "above_header").Select(w => w.GetProperty("row").GetInt32()));

        var xlsx = await client.GetAsync($"/api/v1/imports/{report.GetProperty("jobId").GetInt64()}/errors.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var row = Assert.Single(Workbooks.Rows(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal((5.0, "LAYOUT-2"), (Convert.ToDouble(row["行号 row"]), row["站点编码"]));
    }

    [Fact]
    public async Task A_workbook_without_a_usable_header_is_refused_naming_the_sheets_looked_at()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var file = Book(b =>
        {
            b.AddSheet("填表说明", ["填表说明"], [["1. 每行一个站点"]]);
            b.AddSheet("站点", ["站点名称", "经度", "纬度"], [["无地址驿站", 116.31, 39.98]]);
        });

        var response = await client.UploadAsync(file, "coordsys=wgs84", "统计表.xlsx");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var errors = (await response.JsonAsync()).GetProperty("report").GetProperty("errors").EnumerateArray().ToList();
        var noHeader = errors.Single(e => e.GetProperty("code").GetString() == "no_header").GetProperty("message").GetString();
        Assert.Contains("“填表说明”、“站点”", noHeader);
        Assert.Contains("'填表说明', '站点'", noHeader);
        Assert.Contains(errors, e => e.GetProperty("code").GetString() == "missing_column");
    }

    [Fact]
    public async Task A_header_below_a_title_that_misses_a_column_refuses_the_file_naming_the_header_row()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var withoutAddress = string.Join(',', Header.Split(',').Where(h => h != "地址"));
        var row = string.Join(',', Row("LAYOUT-3", "缺地址驿站", 43).Split(',').Where((_, i) => i != 2));
        var csv = System.Text.Encoding.UTF8.GetBytes($"海淀区工会驿站统计表,,,,\n{withoutAddress}\n{row}\n");

        var response = await client.UploadAsync(csv, "coordsys=wgs84&dryRun=false");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var report = (await response.JsonAsync()).GetProperty("report");
        var missing = report.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((2, "missing_column"), (missing.GetProperty("row").GetInt32(), missing.GetProperty("code").GetString()));
        Assert.Equal(0, report.GetProperty("counts").GetProperty("inserted").GetInt32());
    }

    [Fact]
    public async Task The_empty_import_template_is_read_from_its_stations_sheet_without_a_problem()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var ms = new MemoryStream();
        ImportTemplate.Write(ms);

        var response = await client.UploadAsync(ms.ToArray(), "coordsys=wgs84", "模板.xlsx");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var report = await response.JsonAsync();
        Assert.Equal("站点", report.GetProperty("sheet").GetString());
        Assert.Empty(report.GetProperty("errors").EnumerateArray());
        Assert.Equal(0, report.GetProperty("counts").GetProperty("total").GetInt32());
    }
}
