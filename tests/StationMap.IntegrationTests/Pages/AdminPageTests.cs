using System.Text;
using Microsoft.Playwright;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Pages;

/// <summary>The staff console in Chromium: sign-in, upload with a dry run, stations, feeds and publication.</summary>
public sealed class AdminPageTests(PageFixture app) : IClassFixture<PageFixture>
{
    private const string Header = "站点编码,站点名称,地址,经度,纬度,行政区划代码,服务内容,开放时间,联系电话,是否对外开放";

    private static string Row(string code, string name, int n, string phone = "010-62561234") =>
        $"{code},{name},北京市海淀区中关村大街{n}号,{116.30 + n * 0.0012:0.0000},39.9834,110108,饮水、手机充电,24小时,{phone},是";

    private static FilePayload Csv(params string[] rows) =>
        new() { Name = "stations.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n") };

    private async Task<IPage> SignedInAsync(StaffRole role = StaffRole.Admin, int width = 1280, int height = 800)
    {
        var key = await app.CreateKeyAsync(role, "110000");
        var page = await app.NewPageAsync(width, height);
        await PageFixture.SignInToConsoleAsync(page, key);
        return page;
    }

    private async Task CheckFileAsync(IPage page, FilePayload file)
    {
        await page.SetInputFilesAsync("#upload-file", file);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#upload-check"), r => r.Url.Contains("/api/v1/imports"));
        try
        {
            await page.Locator("#upload-result .counts").WaitForAsync();
        }
        catch (TimeoutException e)
        {
            // Say what the page showed instead (usually the API's problem text).
            throw new TimeoutException($"no upload report; the page shows: {await page.InnerTextAsync("#upload-result")}; the API said {response.Status} {await response.TextAsync()}; server: {string.Join("\n", app.ServerErrors.Errors)}", e);
        }
    }

    // Staff whose sheet says 经度（GCJ-02） pick "as stated in the file" instead of restating it, and the report says
    // which system was used (Import/HeaderCoordsysTests check where the station is stored).
    [Fact]
    public async Task A_file_stating_its_coordinate_system_in_the_headers_is_read_in_that_system()
    {
        var page = await SignedInAsync();
        await page.SelectOptionAsync("#upload-coordsys", "");
        var text = "站点编码,站点名称,地址,经度（GCJ-02）,纬度（GCJ-02）,行政区划代码,服务内容,开放时间,联系电话,是否对外开放\n"
            + "CS-HDR-1,表头坐标驿站,北京市海淀区中关村大街9号,116.316234,39.985123,110108,饮水,24小时,010-62561234,是\n";
        await CheckFileAsync(page, new() { Name = "gcj.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) });
        Assert.Contains("GCJ-02", await page.InnerTextAsync("#upload-result"));
        Assert.True(await page.Locator("#upload-commit").IsEnabledAsync());
    }

    [Fact]
    public async Task An_unknown_key_is_refused_with_the_APIs_own_message()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/admin/");
        await page.FillAsync("#key", "smk_not-a-real-key");
        await page.ClickAsync("#signin-form button");
        var problem = page.Locator("#signin-problem .problem");
        await problem.WaitForAsync();
        Assert.Contains("需要员工密钥 / staff key required", await problem.InnerTextAsync());
        Assert.True(await page.Locator("#console").IsHiddenAsync());
    }

    [Fact]
    public async Task Upload_with_errors_is_fixed_committed_found_edited_and_a_conflict_is_shown()
    {
        var page = await SignedInAsync();
        Assert.NotNull(await page.EvaluateAsync<string?>("sessionStorage.getItem('stationmap.staffKey')"));

        // 1. A file with a bad phone number: the dry run names row 3, column 联系电话; no commit.
        await CheckFileAsync(page, Csv(Row("WEB-1", "网页测试一号驿站", 1), Row("WEB-2", "网页测试二号驿站", 2, phone: "12")));
        var problems = page.Locator("table.problems tbody tr");
        Assert.Equal(1, await problems.CountAsync());
        var cells = await problems.First.Locator("td").AllInnerTextsAsync();
        Assert.Equal(("3", "联系电话"), (cells[0], cells[1]));
        Assert.NotEmpty(cells[2]);
        Assert.True(await page.IsDisabledAsync("#upload-commit"));
        Assert.Empty(await Accessibility.UnlabelledControlsAsync(page));
        Assert.Empty(await Accessibility.LowContrastTextAsync(page));
        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("admin-upload-errors-desktop"), FullPage = true });
        var errorFile = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#upload-result .error-file"));
        Assert.EndsWith("errors.xlsx", errorFile.SuggestedFilename);

        // 2. The fixed file passes; only now may it be committed.
        await CheckFileAsync(page, Csv(Row("WEB-1", "网页测试一号驿站", 1), Row("WEB-2", "网页测试二号驿站", 2)));
        Assert.Equal(0, await problems.CountAsync());
        Assert.True(await page.IsEnabledAsync("#upload-commit"));
        await page.ClickAsync("#upload-commit");
        await page.Locator("#upload-result .notice", new() { HasText = "已导入" }).WaitForAsync();
        Assert.Contains("2", await page.Locator("#upload-result .counts span").Nth(1).InnerTextAsync());

        // 3. Find it, open it, edit it.
        await page.ClickAsync("#tab-stations");
        await page.FillAsync("#station-q", "网页测试一号");
        await page.ClickAsync("#station-search button");
        await page.Locator("table.stations tbody tr", new() { HasText = "WEB-1" }).Locator("button").ClickAsync();
        await page.FillAsync("#edit-name", "网页测试一号驿站（改）");
        await page.FillAsync("#edit-reason", "改名");
        await page.ClickAsync("#edit-save");
        await page.Locator("#edit-message .notice").WaitForAsync();
        Assert.Contains("版本 2", await page.InnerTextAsync("#edit-message"));

        // 4. Someone else saves version 3 meanwhile: the page's save is refused and the difference shown.
        var other = await app.StaffAsync(StaffRole.Editor, "110000");
        var current = await (await other.GetAsync("/api/v1/stations/WEB-1")).JsonAsync();
        var body = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(current.GetRawText())!;
        body["phone"] = "010-88889999";
        body["lng"] = current.GetProperty("submitted").GetProperty("lng").GetDouble();
        body["lat"] = current.GetProperty("submitted").GetProperty("lat").GetDouble();
        body["coordsys"] = "wgs84";
        Assert.True((await other.PutJsonAsync("/api/v1/stations/WEB-1", body)).IsSuccessStatusCode);
        await page.FillAsync("#edit-notes", "页面上的修改");
        await page.ClickAsync("#edit-save");
        var conflict = page.Locator(".conflict");
        await conflict.WaitForAsync();
        var text = await conflict.InnerTextAsync();
        Assert.Contains("版本冲突", text);
        Assert.Contains("010-88889999", text);
        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("admin-conflict-desktop"), FullPage = true });
        await conflict.Locator("button").ClickAsync();
        Assert.Equal("010-88889999", await page.InputValueAsync("#edit-phone"));

        // A value the API refuses comes back as its own validation message, naming the field.
        await page.FillAsync("#edit-phone", "12");
        await page.ClickAsync("#edit-save");
        var refusal = page.Locator("#station-editor .problem");
        await refusal.WaitForAsync();
        var refusalText = await refusal.InnerTextAsync();
        Assert.Contains("输入有误 / invalid input", refusalText);
        Assert.Contains("phone:", refusalText);

        // 5. History lists every version.
        await page.ClickAsync("#edit-history");
        await page.Locator("table.history tbody tr").Nth(2).WaitForAsync();

        // Signing out forgets the key.
        await page.ClickAsync("#sign-out");
        await page.Locator("#signin").WaitForAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('stationmap.staffKey')"));
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task Skip_invalid_is_an_explicit_choice_that_lets_the_valid_rows_in()
    {
        var page = await SignedInAsync(StaffRole.Editor);
        var file = Csv(Row("SKIP-1", "跳过测试一号驿站", 11), Row("SKIP-2", "跳过测试二号驿站", 12, phone: "12"));
        await CheckFileAsync(page, file);
        Assert.True(await page.IsDisabledAsync("#upload-commit"));

        // Ticking the box asks for a new check; then the commit imports the valid row only.
        await page.CheckAsync("#upload-skip");
        Assert.Contains("重新检查", await page.InnerTextAsync("#upload-result"));
        await CheckFileAsync(page, file);
        Assert.True(await page.IsEnabledAsync("#upload-commit"));
        await page.ClickAsync("#upload-commit");
        await page.Locator("#upload-result .notice", new() { HasText = "已导入" }).WaitForAsync();
        var counts = await page.Locator("#upload-result .counts span").AllInnerTextsAsync();
        Assert.StartsWith("1", counts[1]);   // new
        Assert.StartsWith("1", counts[4]);   // with errors, skipped
        Assert.True(await page.IsDisabledAsync("#upload-commit"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/api/v1/stations/SKIP-2")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Anonymous().GetAsync("/api/v1/stations/SKIP-1")).StatusCode);
    }

    [Fact]
    public async Task A_publisher_exports_a_feed_downloads_it_imports_a_result_file_and_sees_the_online_rate()
    {
        var page = await SignedInAsync(StaffRole.Publisher);
        await page.ClickAsync("#tab-feeds");
        await page.Locator("#export-profile option[value='amap-yuntu']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#export-profile", "amap-yuntu");
        await page.FillAsync("#export-adcode", "110108");
        await page.ClickAsync("#export-run");
        var done = page.Locator("#export-result .notice");
        await done.WaitForAsync();
        Assert.Contains("批次", await done.InnerTextAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => done.Locator("button.download").First.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.True(new FileInfo(path).Length > 1000);
        await page.Locator("table.batches tbody tr").First.WaitForAsync();

        // The provider says one exported station is online: the 上图率 moves off zero.
        var code = (await (await app.Anonymous().GetAsync("/api/v1/stations?adcode=110108&status=active&pageSize=1")).JsonAsync())
            .GetProperty("items")[0].GetProperty("code").GetString();
        await page.SetInputFilesAsync("#results-file", new FilePayload
        {
            Name = "amap-result.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"站点编码,站点名称,POI ID,状态,原因\n{code},,B0WEB00001,已上线,\n"),
        });
        await page.ClickAsync("#results-form button");
        await page.Locator("#results-result .notice").WaitForAsync();
        Assert.Contains("匹配 1", await page.InnerTextAsync("#results-result"));

        await page.FillAsync("#summary-adcode", "110000");
        await page.ClickAsync("#summary-form button");
        var summary = page.Locator("table.summary");
        await summary.WaitForAsync();
        // Columns: district, stations, public & active, then per provider (amap first) online and rate.
        var haidian = await summary.Locator("tbody tr", new() { HasText = "110108" }).Locator("td").AllInnerTextsAsync();
        Assert.Equal("1", haidian[3]);
        Assert.Matches(@"^\d+\.\d+%$", haidian[4]);
        Assert.NotEqual("0.0%", haidian[4]);
        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("admin-feeds-desktop"), FullPage = true });
    }

    [Fact]
    public async Task An_editor_is_refused_feeds_with_the_APIs_message_and_the_console_fits_a_phone()
    {
        var page = await SignedInAsync(StaffRole.Editor, 360, 740);
        // The tabs follow the ARIA pattern: arrow keys move between them.
        await page.FocusAsync("#tab-upload");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("true", await page.GetAttributeAsync("#tab-stations", "aria-selected"));
        Assert.True(await page.IsVisibleAsync("#panel-stations"));
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("admin-phone"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await page.ClickAsync("#tab-feeds");
        var problem = page.Locator("#export-result .problem");
        await problem.WaitForAsync();
        Assert.Contains("权限不足 / forbidden", await problem.InnerTextAsync());
    }
}
