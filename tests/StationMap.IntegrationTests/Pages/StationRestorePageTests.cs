using System.Net;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Pages;

/// <summary>The console finds a deleted station by its exact code and restores it with 恢复 / Restore.</summary>
public sealed class StationRestorePageTests(PageFixture app) : IClassFixture<PageFixture>
{
    [Fact]
    public async Task Searching_a_deleted_code_shows_its_history_and_restore_brings_it_back_into_the_editor()
    {
        var api = await app.StaffAsync(StaffRole.Editor, "110108");
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("WEB-RST-1"))).StatusCode);
        const string reason = "<b>误删</b>";
        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/stations/WEB-RST-1?version=1&reason={Uri.EscapeDataString(reason)}")).StatusCode);
        // A live station that mentions the code: the search finds it, and the deleted one is still offered.
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/api/v1/stations",
            SampleInputs.Haidian("WEB-RST-2") with { Name = "WEB-RST-1 对面的驿站", Lng = 116.33 })).StatusCode);

        var key = await app.CreateKeyAsync(StaffRole.Editor, "110000");
        var page = await app.NewPageAsync(1280, 800);
        await PageFixture.SignInToConsoleAsync(page, key);
        await page.ClickAsync("#tab-stations");
        await page.FillAsync("#station-q", "WEB-RST-1");
        await page.ClickAsync("#station-search button");

        var deleted = page.Locator(".deleted-station");
        await deleted.WaitForAsync();
        Assert.Contains("WEB-RST-1", await deleted.Locator("h3").InnerTextAsync());
        // The reason is shown as the text it is, never as markup.
        Assert.Contains(reason, await deleted.Locator("table.history").InnerTextAsync());
        Assert.Equal(0, await deleted.Locator("table.history b").CountAsync());
        Assert.Empty(await Accessibility.UnlabelledControlsAsync(page));
        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("admin-restore-desktop"), FullPage = true });

        await page.FillAsync("#restore-reason", "误删恢复");
        await page.ClickAsync("#restore-station");
        await page.Locator("#edit-message .notice").WaitForAsync();
        Assert.Contains("版本 3", await page.InnerTextAsync("#edit-message"));
        Assert.Equal("中关村街道工会户外劳动者服务站点", await page.InputValueAsync("#edit-name"));

        var history = await (await api.GetAsync("/api/v1/stations/WEB-RST-1/history")).JsonAsync();
        Assert.Equal(["created", "deleted", "restored"], history.EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal("误删恢复", history[2].GetProperty("reason").GetString());

        // Searching again lists it like any other station.
        await page.ClickAsync("#station-search button");
        await page.Locator("table.stations tbody tr td:first-child").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^WEB-RST-1$") }).WaitForAsync();
        Assert.Empty(app.PageErrors);
    }
}
