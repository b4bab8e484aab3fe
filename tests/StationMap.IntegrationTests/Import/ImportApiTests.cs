using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.Stations;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

public class ImportApiFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Import:MaxFileBytes"] = "200000",
        // Small limits so the hostile-file tests stay small; the defaults are the same guards at 500k rows and 150 MB.
        ["Import:MaxRows"] = "5000", ["Import:MaxSharedStringsBytes"] = "20000000",
    };
}

public class ImportApiTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private Task<HttpClient> EditorAsync(string area = "110000") => api.StaffAsync(StaffRole.Editor, area);

    private static async Task<JsonElement> ReportAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.JsonAsync();
    }

    private static int Count(JsonElement report, string name) => report.GetProperty("counts").GetProperty(name).GetInt32();

    [Fact]
    public async Task Dry_run_is_the_default_and_writes_nothing()
    {
        var client = await EditorAsync();
        var report = await ReportAsync(await client.UploadAsync(Csv(Row("DRY-1", "一号驿站", 1), Row("DRY-2", "二号驿站", 2)), "coordsys=wgs84"));
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.False(report.GetProperty("committed").GetBoolean());
        Assert.Equal(2, Count(report, "inserted"));
        await using var db = api.NewDb();
        Assert.False(await db.Stations.AnyAsync(s => s.Code.StartsWith("DRY-")));
    }

    [Fact]
    public async Task Commit_inserts_and_the_same_file_again_changes_nothing()
    {
        var client = await EditorAsync();
        var file = Csv(Row("IDEM-1", "三号驿站", 3), Row("", "四号驿站", 4));
        var first = await ReportAsync(await client.UploadAsync(file, "coordsys=wgs84&dryRun=false"));
        Assert.Equal((2, true), (Count(first, "inserted"), first.GetProperty("committed").GetBoolean()));
        await using var db = api.NewDb();
        var before = await FingerprintAsync(db);
        var stationsBefore = await db.Stations.Where(s => s.Name == "三号驿站" || s.Name == "四号驿站").Select(s => new { s.Code, s.Version }).ToListAsync();

        var again = await ReportAsync(await client.UploadAsync(file, "coordsys=wgs84&dryRun=false"));
        Assert.Equal((0, 0, 2), (Count(again, "inserted"), Count(again, "updated"), Count(again, "unchanged")));
        var stationsAfter = await db.Stations.Where(s => s.Name == "三号驿站" || s.Name == "四号驿站").Select(s => new { s.Code, s.Version }).ToListAsync();
        Assert.Equal(stationsBefore, stationsAfter);
        Assert.All(stationsAfter, s => Assert.Equal(1, s.Version));
        Assert.Equal(2, await db.StationHistory.CountAsync(h => stationsAfter.Select(s => s.Code).Contains(h.Code)));
        Assert.Matches(@"^BJ110108-\d{6}$", stationsAfter.Single(s => s.Code != "IDEM-1").Code);
        _ = before;
    }

    [Fact]
    public async Task A_changed_row_bumps_the_version_and_keeps_a_history_snapshot()
    {
        var client = await EditorAsync();
        await ReportAsync(await client.UploadAsync(Csv(Row("CHG-1", "五号驿站", 5)), "coordsys=wgs84&dryRun=false"));
        var report = await ReportAsync(await client.UploadAsync(Csv(Row("CHG-1", "五号驿站（新）", 5)), "coordsys=wgs84&dryRun=false"));
        Assert.Equal(1, Count(report, "updated"));
        await using var db = api.NewDb();
        var station = await db.Stations.SingleAsync(s => s.Code == "CHG-1");
        Assert.Equal((2, "五号驿站（新）"), (station.Version, station.Name));
        var history = await db.StationHistory.Where(h => h.Code == "CHG-1").OrderBy(h => h.Version).ToListAsync();
        Assert.Equal([1, 2], history.Select(h => h.Version));
        var snapshot = history[1].Snapshot.RootElement;
        Assert.Equal("五号驿站（新）", snapshot.GetProperty("name").GetString());
        Assert.Equal(2, snapshot.GetProperty("version").GetInt32());
        Assert.Equal("wgs84", snapshot.GetProperty("location").GetProperty("coordsys").GetString());
        Assert.Equal(["water", "charging"], snapshot.GetProperty("services").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(ChangeKind.Imported, history[1].Kind);
    }

    [Fact]
    public async Task A_commit_with_an_error_leaves_the_store_byte_for_byte_unchanged()
    {
        var client = await EditorAsync();
        await ReportAsync(await client.UploadAsync(Csv(Row("KEEP-1", "六号驿站", 6)), "coordsys=wgs84&dryRun=false"));
        await using var db = api.NewDb();
        var before = await FingerprintAsync(db);
        var report = await ReportAsync(await client.UploadAsync(
            Csv(Row("KEEP-1", "六号驿站改名", 6), Row("KEEP-2", "七号驿站", 7), Row("KEEP-3", "坏电话", 8, phone: "12")), "coordsys=wgs84&dryRun=false"));
        Assert.False(report.GetProperty("committed").GetBoolean());
        var error = report.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal((4, "联系电话", "phone_format"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("code").GetString()));
        Assert.Equal(before, await FingerprintAsync(db));
    }

    [Fact]
    public async Task Skip_invalid_writes_the_valid_rows_and_offers_the_rejected_ones_as_a_workbook()
    {
        var client = await EditorAsync();
        var bad = "SKIP-2,=HYPERLINK(\"\"http://evil\"\"),北京市海淀区,116.31,39.98,999999,饮水,24小时,010-62561234,是";
        var report = await ReportAsync(await client.UploadAsync(Csv(Row("SKIP-1", "八号驿站", 9), bad), "coordsys=wgs84&dryRun=false&skipInvalid=true"));
        Assert.Equal((1, 1, true), (Count(report, "inserted"), Count(report, "rejected"), report.GetProperty("committed").GetBoolean()));

        var job = report.GetProperty("jobId").GetInt64();
        var again = await ReportAsync(await client.GetAsync($"/api/v1/imports/{job}"));
        Assert.Equal(1, Count(again.GetProperty("report"), "rejected"));
        var xlsx = await client.GetAsync($"/api/v1/imports/{job}/errors.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = Workbooks.Rows(await xlsx.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(rows);
        Assert.Equal(3.0, Convert.ToDouble(row["行号 row"]));
        Assert.Equal("SKIP-2", row["站点编码"]);
        Assert.Equal("=HYPERLINK(\"\"http://evil\"\")", row["站点名称"]); // the cell as uploaded (an unquoted CSV field keeps its "")
        Assert.Contains("[行政区划代码]", row["错误 errors"]);
    }

    [Fact]
    public async Task A_workbook_damaged_part_way_reports_where_and_still_offers_the_rows_rejected_before_it()
    {
        var client = await EditorAsync();
        static string Cells(int r, IEnumerable<string> values) => string.Concat(values.Select((v, i) =>
            $"""<c r="{(char)('A' + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>"""));
        var file = HostileFiles.Xlsx(w => w.Write(
            $"""<row r="1">{Cells(1, ImportUploads.Header.Split(','))}</row>"""
            + $"""<row r="2">{Cells(2, ["DMG-1", "九号驿站", "北京市海淀区", "116.31", "39.98", "999999", "饮水", "24小时", "010-62561234", "是"])}</row>"""
            + """<row r="3"><c r="A3" t="s"><v>x</v></c></row>"""), w => w.Write("<si><t>a</t></si>"));

        var location = (await client.PostJobAsync(file, "coordsys=wgs84", "stations.xlsx")).Headers.Location!.ToString();
        var job = await client.WaitForJobAsync(location);
        var codes = job.GetProperty("report").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Contains("unreadable", codes);
        Assert.Contains("adcode_unknown", codes);

        var xlsx = await client.GetAsync($"{location}/errors.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("DMG-1", Assert.Single(Workbooks.Rows(await xlsx.Content.ReadAsByteArrayAsync()))["站点编码"]);
    }

    [Fact]
    public async Task Rows_outside_the_editors_area_and_updates_of_other_areas_stations_are_errors()
    {
        var city = await EditorAsync("110000");
        await ReportAsync(await city.UploadAsync(Csv(Row("SCOPE-1", "九号驿站", 10, adcode: "110105")), "coordsys=wgs84&dryRun=false"));
        var haidian = await EditorAsync("110108");
        var report = await ReportAsync(await haidian.UploadAsync(
            Csv(Row("SCOPE-2", "十号驿站", 11, adcode: "110105"), Row("SCOPE-1", "九号驿站", 10)), "coordsys=wgs84&dryRun=false"));
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains((2, "行政区划代码", "out_of_scope"), errors);
        Assert.Contains((3, "站点编码", "out_of_scope"), errors);
        Assert.False(report.GetProperty("committed").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await haidian.GetAsync($"/api/v1/imports/{report.GetProperty("jobId").GetInt64() - 1}")).StatusCode);
    }

    // A hidden station of another area is not the uploader's to learn about: the row says only that its code is taken, as creating it by hand does (no district, no "deleted").
    [Fact]
    public async Task A_row_naming_another_areas_hidden_station_says_only_that_the_code_is_taken()
    {
        var city = await EditorAsync("110000");
        await ReportAsync(await city.UploadAsync(Csv(Row("HIDE-1", "十二号驿站", 12, adcode: "110105"), Row("HIDE-2", "十三号驿站", 13, adcode: "110105")), "coordsys=wgs84&dryRun=false"));
        await using (var db = api.NewDb())
        {
            await db.Stations.Where(s => s.Code == "HIDE-1").ExecuteUpdateAsync(u => u.SetProperty(s => s.IsPublic, false));
            await db.Stations.Where(s => s.Code == "HIDE-2").ExecuteUpdateAsync(u => u.SetProperty(s => s.DeletedAt, DateTimeOffset.UtcNow));
        }
        var haidian = await EditorAsync("110108");
        var report = await ReportAsync(await haidian.UploadAsync(Csv(Row("HIDE-1", "十二号驿站", 12), Row("HIDE-2", "十三号驿站", 13)), "coordsys=wgs84"));
        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([(2, "code_taken"), (3, "code_taken")], errors.Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("code").GetString())));
        Assert.DoesNotContain("110105", report.GetRawText());
        // The rejected-rows workbook fills 版本 with the stored version only where the uploader may know it.
        var xlsx = await haidian.GetAsync($"/api/v1/imports/{report.GetProperty("jobId").GetInt64()}/errors.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rejected = Workbooks.Rows(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["HIDE-1", "HIDE-2"], rejected.Select(r => r["站点编码"]));
        Assert.All(rejected, r => Assert.True(string.IsNullOrEmpty(r["版本"]?.ToString())));
        // The managing area is told what it may know.
        var chaoyang = await ReportAsync(await city.UploadAsync(Csv(Row("HIDE-2", "十三号驿站", 13, adcode: "110105")), "coordsys=wgs84"));
        Assert.Equal("code_deleted", chaoyang.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    // Probable-duplicate warnings name stored stations: another area's hidden one must not be named (its code and name are internal), the managing area's keys still see it.
    [Fact]
    public async Task Probable_duplicate_warnings_name_only_stations_the_uploader_may_know_of()
    {
        var city = await EditorAsync("110000");
        await ReportAsync(await city.UploadAsync(Csv(Row("SECRET-1", "六十号驿站", 60, adcode: "110105")), "coordsys=wgs84&dryRun=false"));
        await using (var db = api.NewDb())
            await db.Stations.Where(s => s.Code == "SECRET-1").ExecuteUpdateAsync(u => u.SetProperty(s => s.IsPublic, false));
        var file = Csv(Row("NEW-60", "六十号驿站", 60), Row("", "六十号驿站", 60, lat: 39.98345));

        var warned = await ReportAsync(await city.UploadAsync(file, "coordsys=wgs84"));
        Assert.Contains("SECRET-1", warned.GetProperty("warnings").GetRawText());
        var haidian = await ReportAsync(await (await EditorAsync("110108")).UploadAsync(file, "coordsys=wgs84"));
        Assert.DoesNotContain("SECRET-1", haidian.GetRawText());
        Assert.DoesNotContain("110105", haidian.GetRawText());
    }

    [Fact]
    public async Task Without_a_coordinate_system_the_file_is_refused()
    {
        var r = await (await EditorAsync()).UploadAsync(Csv(Row("CS-1", "十一号驿站", 12)), "");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await r.JsonAsync();
        Assert.Contains("coordsys", problem.GetProperty("detail").GetString());
        Assert.Equal("coordsys_required", problem.GetProperty("report").GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Gbk_csv_and_xlsx_uploads_are_read_and_the_encoding_reported()
    {
        var client = await EditorAsync();
        var gbk = await ReportAsync(await client.UploadAsync(Gbk(Row("GBK-1", "十二号驿站", 13)), "coordsys=wgs84"));
        Assert.StartsWith("gb18030", gbk.GetProperty("encoding").GetString());
        Assert.Equal(0, gbk.GetProperty("errors").GetArrayLength());

        var xlsx = new MemoryStream();
        var cells = Row("XLSX-1", "十三号驿站", 14).Split(',');
        using (var book = new StationMap.Common.XlsxWorkbookWriter(xlsx)) book.AddSheet("Sheet1", Header.Split(','), [cells]);
        var report = await ReportAsync(await client.UploadAsync(xlsx.ToArray(), "coordsys=wgs84", "stations.xlsx"));
        Assert.Equal(("xlsx", 1), (report.GetProperty("format").GetString(), Count(report, "inserted")));
    }

    [Fact]
    public async Task Oversize_uploads_get_413_and_old_excel_files_400()
    {
        var client = await EditorAsync();
        var big = await client.UploadAsync(new byte[300_000], "coordsys=wgs84");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        var xls = await client.UploadAsync([0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3, 4], "coordsys=wgs84", "old.xls");
        Assert.Equal(HttpStatusCode.BadRequest, xls.StatusCode);
        Assert.Contains(".xlsx", (await xls.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_template_has_chinese_headers_and_drop_downs_and_viewers_may_not_import()
    {
        var client = await EditorAsync();
        var template = await client.GetByteArrayAsync("/api/v1/imports/template.xlsx");
        Assert.Equal(["站点", "填写说明"], Workbooks.SheetNames(template));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(template));
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        Assert.Contains("dataValidation", sheet);
        Assert.Contains("标准,微型,流动", sheet);
        Assert.Contains("是,否", sheet);

        var viewer = await api.StaffAsync(StaffRole.Viewer, "110000");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.UploadAsync(Csv(Row("V-1", "x", 1)), "coordsys=wgs84")).StatusCode);
    }
}
