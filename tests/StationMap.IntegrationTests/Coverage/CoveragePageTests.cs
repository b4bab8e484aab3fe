using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using StationMap.Auth;
using StationMap.Geo;
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

    [Fact]
    public async Task A_kml_or_geojson_region_file_is_analysed_instead_of_an_adcode()
    {
        var key = await app.CreateKeyAsync(StaffRole.Viewer, "110108");
        var page = await app.NewPageAsync(1280, 900);
        await page.GotoAsync("/admin");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.FillAsync("#key", key);
        await page.ClickAsync("#signin-form button");
        await page.Locator("body[data-signed-in=true]").WaitForAsync();
        await page.ClickAsync("#tab-coverage");

        // A square from 中关村 west to the hills (with gaps to draw), in GCJ-02 as a Chinese map tool exports it.
        var ring = new[] { (-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1) }
            .Select(d => Coordinate.Wgs84(116.27 + d.Item1 * 0.06, 40.0 + d.Item2 * 0.06).To(CoordSys.Gcj02)).ToList();
        var coordinates = string.Join(" ", ring.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Lng},{c.Lat},0")));
        var kml = $"<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>中关村&lt;b&gt;方块&lt;/b&gt;</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>";
        await page.SetInputFilesAsync("#coverage-region-file", new FilePayload { Name = "zgc.kml", MimeType = "application/vnd.google-earth.kml+xml", Buffer = Encoding.UTF8.GetBytes(kml) });
        Assert.True(await page.IsDisabledAsync("#coverage-adcode"));
        await page.SelectOptionAsync("#coverage-coordsys", "gcj02");
        await page.SelectOptionAsync("#coverage-cell", "200");
        await page.ClickAsync("#coverage-run");
        await page.Locator("body[data-coverage-ready=true]").WaitForAsync(new() { Timeout = 60_000 });
        var table = await page.Locator(".coverage-table").InnerTextAsync();
        Assert.Contains("中关村<b>方块</b>", table);
        Assert.True(await page.Locator(".coverage-map polygon").CountAsync() > 0);
        Assert.Equal(0, await page.Locator(".coverage-table b").CountAsync()); // the name's markup stays text

        await page.FillAsync("#coverage-k", "3");
        await page.ClickAsync("#siting-run");
        await page.Locator("body[data-siting-ready=true]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(3, await page.Locator(".siting-picks tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("admin-coverage-kml-region"), FullPage = true });

        // The same square as a GeoJSON FeatureCollection gives the same total row.
        var geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
            + string.Join(",", ring.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.Lng},{c.Lat}]"))) + "]]}}]}";
        var kmlTotal = await page.Locator(".coverage-table tbody tr").Last.InnerTextAsync();
        await page.EvaluateAsync("() => { delete document.body.dataset.coverageReady; }");
        await page.SetInputFilesAsync("#coverage-region-file", new FilePayload { Name = "zgc.geojson", MimeType = "application/geo+json", Buffer = Encoding.UTF8.GetBytes(geojson) });
        await page.ClickAsync("#coverage-run");
        await page.Locator("body[data-coverage-ready=true]").WaitForAsync(new() { Timeout = 60_000 });
        var geoTotal = await page.Locator(".coverage-table tbody tr").Last.InnerTextAsync();
        Assert.Equal(kmlTotal.Split('\t').Skip(1), geoTotal.Split('\t').Skip(1)); // all figures equal; only the name differs

        // A file that is neither: the error names it.
        await page.SetInputFilesAsync("#coverage-region-file", new FilePayload { Name = "notes.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes("{\"type\":\"Point\",\"coordinates\":[116.3,39.9]}") });
        await page.ClickAsync("#coverage-run");
        await page.Locator("#coverage-result .problem").WaitForAsync();
        Assert.Contains("notes.json", await page.Locator("#coverage-result .problem").InnerTextAsync());
        Assert.Empty(app.PageErrors);
    }
}
