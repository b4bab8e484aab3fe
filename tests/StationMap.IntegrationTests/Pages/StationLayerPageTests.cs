using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Pages;

/// <summary>The courier map shows every station of the view (vector tiles), not only the nearest ten.</summary>
public sealed class StationLayerPageTests(PageFixture app) : IClassFixture<PageFixture>
{
    [Fact]
    public async Task Courier_map_draws_the_views_stations_from_the_vector_tiles()
    {
        var page = await app.NewPageAsync(1280, 800);
        var tiles = new List<string>();
        page.Response += (_, r) => { if (r.Url.Contains("/tiles/stations/") && r.Status == 200) tiles.Add(r.Url); };
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.ClickAsync(".leaflet-control-zoom-in"); // street level: the dots start there
        await page.Locator("#map[data-station-layer=tiles][data-station-tiles=loaded]").WaitForAsync();

        Assert.Contains(tiles, u => u.Contains("/tiles/stations/14/"));
        // One SVG shape per station drawn; central Beijing has far more than the nearest list's ten.
        var drawn = await page.Locator("#map svg.leaflet-tile path").CountAsync();
        Assert.True(drawn > 10, $"{drawn} stations drawn");
        Assert.Empty(app.PageErrors);
    }
}

/// <summary>On GCJ-02 tiles the WGS-84 vector tiles would sit off: the view's stations come from the list API in GCJ-02.</summary>
public sealed class StationLayerOnAmapTilesPageTests(AmapTilesPageFixture app) : IClassFixture<AmapTilesPageFixture>
{
    [Fact]
    public async Task Courier_map_on_amap_tiles_draws_the_views_stations_in_gcj02()
    {
        var page = await app.NewPageAsync(1280, 800);
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        var request = await page.RunAndWaitForRequestAsync(() => page.ClickAsync(".leaflet-control-zoom-in"), r => r.Url.Contains("/api/v1/stations?"));
        Assert.Contains("coordsys=gcj02", request.Url);
        await page.Locator("#map[data-station-layer=list][data-station-tiles=loaded]").WaitForAsync();

        var answer = await (await app.Anonymous().GetAsync(new Uri(request.Url).PathAndQuery)).JsonAsync();
        var expected = answer.GetProperty("items").GetArrayLength();
        Assert.True(expected > 10, $"{expected} stations in view");
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetAttributeAsync("#map", "data-view-stations"));
        Assert.Empty(app.PageErrors);
    }
}
