using System.Net;
using System.Text;
using StationMap.Auth;
using StationMap.Common;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>
/// District unions' sheets almost always start with a title row ("海淀区户外劳动者服务站点汇总表", merged across the
/// columns) and sometimes a "填报单位/日期" line, with the real header on row 2 or 3. Today the first non-empty row is
/// taken as the header, so every required column is "missing" and the whole file is refused.
/// </summary>
public class MessyLayoutImportTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private const string Title = "海淀区户外劳动者服务站点汇总表";

    [Fact]
    public async Task An_xlsx_with_a_title_row_above_the_header_is_read_from_its_real_header()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var header = Header.Split(',');
        object?[] Cells(string row) => row.Split(',').Cast<object?>().ToArray();
        var ms = new MemoryStream();
        using (var book = new XlsxWorkbookWriter(ms))
            // Row 1: the title (Excel stores a merged title as one value in A1); row 2: the header; rows 3-4: stations.
            book.AddSheet("Sheet1", [Title], [header.Cast<object?>().ToArray(), Cells(Row("TITLE-X1", "标题行一号驿站", 61)), Cells(Row("TITLE-X2", "标题行二号驿站", 62))]);

        var response = await client.UploadAsync(ms.ToArray(), "coordsys=wgs84", "海淀区站点.xlsx");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var report = await response.JsonAsync();
        Assert.True(report.GetProperty("counts").GetProperty("inserted").GetInt32() == 2, body);
        Assert.Empty(report.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task A_csv_saved_from_such_a_sheet_is_read_from_its_real_header()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        // What Excel writes for that sheet as CSV: the title, then empty cells to the sheet's width.
        var commas = new string(',', Header.Count(c => c == ','));
        var csv = string.Join("\r\n", [Title + commas, "填报单位：海淀区总工会,,,,填报日期：2026-11-30" + commas[4..], Header,
            Row("TITLE-C1", "标题行三号驿站", 63), Row("TITLE-C2", "标题行四号驿站", 64)]) + "\r\n";

        var response = await client.UploadAsync(Encoding.UTF8.GetBytes(csv), "coordsys=wgs84");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var report = await response.JsonAsync();
        Assert.True(report.GetProperty("counts").GetProperty("inserted").GetInt32() == 2, body);
        Assert.Empty(report.GetProperty("errors").EnumerateArray());
    }

    /// <summary>The other common layout: a two-row header where "坐标" is merged over "经度" and "纬度" (the other header
    /// cells merged down over both rows, so Excel stores them in row 1 only).</summary>
    [Fact]
    public async Task An_xlsx_with_a_two_row_header_under_a_merged_cell_reads_longitude_and_latitude()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        object?[] Station(string code, string name, int n) =>
            [code, name, $"北京市海淀区中关村大街{n}号", "110108", $"{116.30 + n * 0.0012:0.0000}", "39.9834", "24小时", "010-62561234", "是"];
        var ms = new MemoryStream();
        using (var book = new XlsxWorkbookWriter(ms))
            book.AddSheet("Sheet1", ["站点编码", "站点名称", "地址", "行政区划代码", "坐标", "", "开放时间", "联系电话", "是否对外开放"],
                [new object?[] { null, null, null, null, "经度", "纬度", null, null, null }, Station("TWO-ROW-1", "双行表头一号驿站", 71), Station("TWO-ROW-2", "双行表头二号驿站", 72)]);

        var response = await client.UploadAsync(ms.ToArray(), "coordsys=wgs84", "海淀区站点.xlsx");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var report = await response.JsonAsync();
        Assert.True(report.GetProperty("counts").GetProperty("inserted").GetInt32() == 2, body);
        Assert.Empty(report.GetProperty("errors").EnumerateArray());
    }

    /// <summary>Many district workbooks open with a 填表说明 sheet and keep the stations on the second. Without a sheet
    /// name the first sheet is read, every column is "missing", and the error never mentions the sheet that has them.</summary>
    [Fact]
    public async Task Stations_on_the_second_sheet_behind_an_instructions_sheet_are_found_or_the_error_names_that_sheet()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        object?[] Cells(string row) => row.Split(',').Cast<object?>().ToArray();
        var ms = new MemoryStream();
        using (var book = new XlsxWorkbookWriter(ms))
        {
            book.AddSheet("填表说明", ["填表说明"], [["1. 每行一个站点"], ["2. 坐标请使用高德坐标"]]);
            book.AddSheet("站点", Header.Split(','), [Cells(Row("SHEET2-1", "第二页一号驿站", 81)), Cells(Row("SHEET2-2", "第二页二号驿站", 82))]);
        }

        var response = await client.UploadAsync(ms.ToArray(), "coordsys=wgs84", "海淀区站点.xlsx");
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var report = await response.JsonAsync();
            Assert.True(report.GetProperty("counts").GetProperty("inserted").GetInt32() == 2, body);
            return;
        }
        // Or refused with a message that points at the sheet that has the columns.
        var messages = string.Join("\n", (await response.JsonAsync()).GetProperty("report").GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("message").GetString()));
        Assert.True(messages.Contains("工作表") && messages.Contains("“站点”"), body);
    }
}
