using StationMap.Auth;

namespace StationMap.IntegrationTests.Pages;

/// <summary>The console's overview map: every public station from the vector tiles, coloured by 上图 per provider.</summary>
public sealed class OverviewPageTests(PageFixture app) : IClassFixture<PageFixture>
{
    [Fact]
    public async Task Overview_tab_maps_the_stations_and_recolours_them_per_provider()
    {
        // Half of the stations are online with Amap, none with Baidu.
        await using (var cmd = app.DataSource.CreateCommand("""
            INSERT INTO publication_records (station_id, station_code, provider, state, updated_at, updated_by)
            SELECT id, code, 'amap', 'online', now(), 'test' FROM stations WHERE id % 2 = 0
            """))
            await cmd.ExecuteNonQueryAsync();

        var key = await app.CreateKeyAsync(StaffRole.Viewer, "110000");
        var page = await app.NewPageAsync(1280, 800);
        var tiles = new List<string>();
        page.Response += (_, r) => { if (r.Url.Contains("/tiles/stations/") && r.Status == 200) tiles.Add(r.Url); };
        await PageFixture.SignInToConsoleAsync(page, key);

        await page.ClickAsync("#tab-overview");
        await page.Locator("#overview-map[data-provider=amap][data-station-tiles=loaded]").WaitForAsync();
        Assert.Contains(tiles, u => u.Contains("/tiles/stations/4/"));
        var amap = await FillsAsync(page);
        Assert.NotEmpty(amap);
        // Beijing's cells are partly online with Amap: neither all red nor all green.
        Assert.Contains(amap, f => f is not None and not All);

        await page.SelectOptionAsync("#overview-provider", "baidu");
        await page.Locator("#overview-map[data-provider=baidu][data-station-tiles=loaded]").WaitForAsync();
        var baidu = await FillsAsync(page);
        Assert.NotEmpty(baidu);
        Assert.All(baidu, f => Assert.Equal(None, f)); // nothing online with Baidu
        Assert.Empty(app.PageErrors);
        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("console-overview") });
    }

    // The circles' fill: red for no share online, green for all of it.
    private const string None = "hsl(0, 75%, 40%)", All = "hsl(120, 75%, 40%)";

    private static Task<string[]> FillsAsync(Microsoft.Playwright.IPage page) =>
        page.Locator("#overview-map svg.leaflet-tile path").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('fill'))");
}
