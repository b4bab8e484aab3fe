using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StationMap.Auth;
using StationMap.IntegrationTests.Import;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Pages;

/// <summary>The console's upload shows version conflicts (who, when, which fields) as text and overwrites only once
/// the user ticks "overwrite newer edits" and checks again.</summary>
public sealed class ImportConflictPageTests(PageFixture app) : IClassFixture<PageFixture>
{
    private const string Header = "站点编码,站点名称,地址,经度,纬度,行政区划代码,服务内容,开放时间,联系电话,是否对外开放,版本";
    private const string Code = "CONF-1";

    private static string Row(string phone) =>
        $"{Code},冲突测试驿站,北京市海淀区中关村大街61号,116.3732,39.9834,110108,饮水、手机充电,24小时,{phone},是";

    [Fact]
    public async Task A_dry_run_lists_the_conflicts_and_the_user_confirms_the_overwrite()
    {
        // Imported at version 1, then a colleague changes the phone by hand (version 2).
        var importer = await app.StaffAsync(StaffRole.Editor, "110000");
        var first = await importer.UploadAsync(Encoding.UTF8.GetBytes($"{Header}\n{Row("010-62561234")},\n"), "coordsys=wgs84&dryRun=false");
        Assert.True((await first.JsonAsync()).GetProperty("committed").GetBoolean());
        var colleague = await app.StaffAsync(StaffRole.Editor, "110108");
        var current = await (await colleague.GetAsync($"/api/v1/stations/{Code}")).JsonAsync();
        var body = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(current.GetRawText())!;
        body["phone"] = "010-88889999";
        body["lng"] = current.GetProperty("submitted").GetProperty("lng").GetDouble();
        body["lat"] = current.GetProperty("submitted").GetProperty("lat").GetDouble();
        body["coordsys"] = "wgs84";
        Assert.True((await colleague.PutJsonAsync($"/api/v1/stations/{Code}", body)).IsSuccessStatusCode);
        string actor;
        await using (var db = app.NewDb()) actor = (await db.Stations.SingleAsync(s => s.Code == Code)).UpdatedBy;

        // The old file (version 1, another phone) is checked in the console.
        var page = await SignedInAsync();
        Assert.True(await page.Locator("#upload-overwrite-label").IsHiddenAsync());
        await page.SetInputFilesAsync("#upload-file", new FilePayload
        {
            Name = "old-export.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes($"{Header}\n{Row("010-62560000")},1\n"),
        });
        await page.ClickAsync("#upload-check");
        var conflicts = page.Locator("table.conflicts tbody tr");
        await conflicts.First.WaitForAsync();
        Assert.Equal(1, await conflicts.CountAsync());
        var cells = await conflicts.First.Locator("td").AllInnerTextsAsync();
        Assert.Equal(("2", Code, "1 → 2", actor), (cells[0], cells[1], cells[2], cells[3]));
        Assert.NotEmpty(cells[4]);
        Assert.Contains("phone", cells[5]);
        Assert.Contains("版本冲突", await page.InnerTextAsync("#upload-result"));
        Assert.True(await page.IsDisabledAsync("#upload-commit"));
        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("admin-import-conflicts-desktop"), FullPage = true });

        // Confirming means ticking the box and checking again; only then may the file be committed.
        await page.CheckAsync("#upload-overwrite");
        Assert.True(await page.IsDisabledAsync("#upload-commit"));
        await page.ClickAsync("#upload-check");
        await page.Locator("#upload-result .notice").WaitForAsync();
        Assert.True(await page.IsEnabledAsync("#upload-commit"));
        await page.ClickAsync("#upload-commit");
        await page.Locator("#upload-result .notice", new() { HasText = "已导入" }).WaitForAsync();
        Assert.Equal("010-62560000", (await (await colleague.GetAsync($"/api/v1/stations/{Code}")).JsonAsync()).GetProperty("phone").GetString());
        Assert.Empty(app.PageErrors);
    }

    private async Task<IPage> SignedInAsync()
    {
        var key = await app.CreateKeyAsync(StaffRole.Editor, "110000");
        var page = await app.NewPageAsync(1280, 800);
        await PageFixture.SignInToConsoleAsync(page, key);
        return page;
    }
}
