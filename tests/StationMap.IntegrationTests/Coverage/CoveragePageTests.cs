using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.IntegrationTests.Pages;

namespace StationMap.IntegrationTests.Coverage;

/// <summary>The 覆盖分析 tab in Chromium: rates per district, the gap map, critical stations, a siting run.</summary>
public sealed class CoveragePageTests(PageFixture app) : IClassFixture<PageFixture>
{
    [Fact]
    public async Task Haidian_staff_see_their_rates_gap_map_and_suggested_sites()
    {
        var page = await CoverageTabAsync(StaffRole.Viewer, "110108");
        Assert.Equal("110108", await page.InputValueAsync("#coverage-adcode"));
        await page.SelectOptionAsync("#coverage-cell", "200");
        await RunAsync(page);

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
        var page = await CoverageTabAsync(StaffRole.Viewer, "110108");

        // A square from 中关村 west to the hills (with gaps to draw), in GCJ-02 as a Chinese map tool exports it.
        var ring = new[] { (-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1) }
            .Select(d => Coordinate.Wgs84(116.27 + d.Item1 * 0.06, 40.0 + d.Item2 * 0.06).To(CoordSys.Gcj02)).ToList();
        var coordinates = string.Join(" ", ring.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Lng},{c.Lat},0")));
        var kml = $"<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>中关村&lt;b&gt;方块&lt;/b&gt;</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>";
        await page.SetInputFilesAsync("#coverage-region-file", new FilePayload { Name = "zgc.kml", MimeType = "application/vnd.google-earth.kml+xml", Buffer = Encoding.UTF8.GetBytes(kml) });
        Assert.True(await page.IsDisabledAsync("#coverage-adcode"));
        await page.SelectOptionAsync("#coverage-coordsys", "gcj02");
        await page.SelectOptionAsync("#coverage-cell", "200");
        await RunAsync(page);
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
        await RunAsync(page);
        var geoTotal = await page.Locator(".coverage-table tbody tr").Last.InnerTextAsync();
        Assert.Equal(kmlTotal.Split('\t').Skip(1), geoTotal.Split('\t').Skip(1)); // all figures equal; only the name differs

        // A file that is neither: the error names it.
        await page.SetInputFilesAsync("#coverage-region-file", new FilePayload { Name = "notes.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes("{\"type\":\"Point\",\"coordinates\":[116.3,39.9]}") });
        await page.ClickAsync("#coverage-run");
        await page.Locator("#coverage-result .problem").WaitForAsync();
        Assert.Contains("notes.json", await page.Locator("#coverage-result .problem").InnerTextAsync());
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_triangle_drawn_by_clicks_on_the_map_is_analysed_like_the_same_polygon_posted_as_geojson()
    {
        var page = await CoverageTabAsync(StaffRole.Viewer, "110108");
        await page.SelectOptionAsync("#coverage-cell", "200");
        await RunAsync(page);

        // Two clicks on the district's map, then a double-click (which closes the shape).
        await page.ClickAsync("#coverage-draw");
        var box = (await page.Locator(".coverage-map").BoundingBoxAsync())!;
        LocatorClickOptions At(double fx, double fy) => new() { Position = new() { X = (float)(fx * box.Width), Y = (float)(fy * box.Height) } };
        await page.Locator(".coverage-map").ClickAsync(At(0.35, 0.35));
        await page.Locator(".coverage-map").ClickAsync(At(0.65, 0.35));
        Assert.Equal(2, await page.Locator(".coverage-map .drawn-vertex").CountAsync());
        Assert.Equal(0, await page.Locator(".coverage-map .drawn-region").CountAsync());
        var p = At(0.5, 0.65).Position!;
        await page.Locator(".coverage-map").DblClickAsync(new() { Position = new() { X = p.X, Y = p.Y } });
        Assert.Equal(3, await page.Locator(".coverage-map .drawn-vertex").CountAsync());
        Assert.Equal(1, await page.Locator(".coverage-map .drawn-region").CountAsync());
        Assert.True(await page.IsDisabledAsync("#coverage-adcode"));
        var lngLat = await page.Locator(".coverage-map .drawn-region").GetAttributeAsync("data-lnglat");

        await page.EvaluateAsync("() => { delete document.body.dataset.coverageReady; }");
        await RunAsync(page);
        var total = await page.Locator(".coverage-table tbody tr").Last.InnerTextAsync();
        Assert.Contains("画的区域", total);
        var shownArea = double.Parse(total.Split('\t')[1], CultureInfo.InvariantCulture);
        Assert.Equal(1, await page.Locator(".coverage-map .drawn-region").CountAsync()); // the outline stays on the new map
        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("admin-coverage-drawn-region"), FullPage = true });

        // The same vertices posted as GeoJSON: the same area, and a plausible one for a triangle over a third of 海淀.
        var vertices = System.Text.Json.JsonSerializer.Deserialize<double[][]>(lngLat!)!;
        Assert.Equal(3, vertices.Length);
        var haidian = await app.StaffAsync(StaffRole.Viewer, "110108");
        var body = new { region = new { type = "Polygon", coordinates = new[] { vertices.Append(vertices[0]).ToArray() } }, regionName = "triangle", coordsys = "wgs84", cell = 200 };
        var response = await haidian.PostJsonAsync("/api/v1/coverage", body);
        var apiArea = (await response.JsonAsync()).GetProperty("region").GetProperty("area").GetDouble() / 1e6;
        Assert.Equal(Math.Round(apiArea, 1), shownArea, 1);
        Assert.InRange(apiArea, 10, 200); // 海淀 is 431 km²; the triangle spans about 0.3 × 0.3 of its box, halved

        // 清除 goes back to the district.
        await page.ClickAsync("#coverage-draw-clear");
        Assert.Equal(0, await page.Locator(".coverage-map .drawn-vertex").CountAsync());
        Assert.False(await page.IsDisabledAsync("#coverage-adcode"));
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_city_analysis_shows_its_analysed_cells_on_a_vector_tile_map_beside_the_coarse_svg_map()
    {
        var page = await CoverageTabAsync(StaffRole.Admin, "110000");
        Assert.Equal("110000", await page.InputValueAsync("#coverage-adcode"));
        await page.SelectOptionAsync("#coverage-cell", "500");
        await RunAsync(page, timeoutSeconds: 120);

        // 16 districts: the SVG map shows 1 km cells; the tile map the analysed 500 m ones, fetched with the key.
        await page.Locator("#coverage-tiles[data-coverage-tiles=loaded]").WaitForAsync(new() { Timeout = 120_000 });
        Assert.True(await page.Locator("#coverage-tiles path").CountAsync() > 20);
        Assert.True(await page.Locator("#coverage-tiles .critical-station").CountAsync() > 0);

        await page.FillAsync("#coverage-k", "3");
        await page.ClickAsync("#siting-run");
        await page.Locator("body[data-siting-ready=true]").WaitForAsync(new() { Timeout = 120_000 });
        Assert.Equal(3, await page.Locator("#coverage-tiles .suggested-site").CountAsync());
        await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot("admin-coverage-tiles"), FullPage = true });
        Assert.Empty(app.PageErrors);
    }

    /// <summary>A staff member of <paramref name="adcode"/> signed in on the console's 覆盖分析 tab.</summary>
    private async Task<IPage> CoverageTabAsync(StaffRole role, string adcode)
    {
        var page = await app.NewPageAsync(1280, 900);
        await PageFixture.SignInToConsoleAsync(page, await app.CreateKeyAsync(role, adcode));
        await page.ClickAsync("#tab-coverage");
        return page;
    }

    /// <summary>Presses 分析 and waits for the figures.</summary>
    private static async Task RunAsync(IPage page, int timeoutSeconds = 60)
    {
        await page.ClickAsync("#coverage-run");
        await page.Locator("body[data-coverage-ready=true]").WaitForAsync(new() { Timeout = timeoutSeconds * 1000 });
    }
}
