using Microsoft.Playwright;
using StationMap.Auth;
using StationMap.IntegrationTests.Pages;

namespace StationMap.IntegrationTests.Coverage;

/// <summary>The 覆盖分析 tab in Chromium: rates per district, the gap map, critical stations, a siting run.</summary>
public sealed class CoveragePageTests(PageFixture app) : IClassFixture<PageFixture>
{
    [Fact]
    public async Task Haidian_staff_see_their_rates_gap_map_and_suggested_sites()
    {
        var key = await app.CreateKeyAsync(StaffRole.Viewer, "110108");
        var page = await app.NewPageAsync(1280, 900);
        await page.GotoAsync("/admin");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.FillAsync("#key", key);
        await page.ClickAsync("#signin-form button");
        await page.Locator("body[data-signed-in=true]").WaitForAsync();

        await page.ClickAsync("#tab-coverage");
        Assert.Equal("110108", await page.InputValueAsync("#coverage-adcode"));
        await page.SelectOptionAsync("#coverage-cell", "200");
        await page.ClickAsync("#coverage-run");
        await page.Locator("body[data-coverage-ready=true]").WaitForAsync(new() { Timeout = 60_000 });

        var rows = page.Locator(".coverage-table tbody tr");
        Assert.Equal(2, await rows.CountAsync()); // 海淀区 and the total
        Assert.Contains("海淀区", await rows.First.InnerTextAsync());
        Assert.True(await page.Locator(".coverage-map polygon[data-count='0']").CountAsync() > 100);
        Assert.True(await page.Locator(".coverage-map polygon[data-count='1']").CountAsync() > 0);
        Assert.True(await page.Locator(".coverage-map .critical-station").CountAsync() > 0);
        Assert.True(await page.Locator(".coverage-bars rect").CountAsync() >= 2);

        await page.FillAsync("#coverage-k", "5");
        await page.ClickAsync("#siting-run");
        await page.Locator("body[data-siting-ready=true]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(5, await page.Locator(".siting-picks tbody tr").CountAsync());
        Assert.Equal(5, await page.Locator(".coverage-map .suggested-site").CountAsync());
        Assert.Equal(1, await page.Locator(".coverage-curve polyline").Nth(1).CountAsync());

        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("admin-coverage-desktop"), FullPage = true });
        Assert.Empty(app.PageErrors);
    }
}
