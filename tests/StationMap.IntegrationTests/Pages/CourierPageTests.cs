using System.Text.Json;
using Microsoft.Playwright;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Pages;

/// <summary>The courier page in Chromium against the real API: what the page shows is what the API answers.</summary>
public sealed class CourierPageTests(PageFixture app) : IClassFixture<PageFixture>
{
    /// <summary>The point the page sent ("lng=…&amp;lat=…"): the browser's own digits of the mocked position.</summary>
    private string _point = "";

    private async Task<JsonElement[]> ApiNearestAsync(string extra = "")
    {
        var answer = await (await app.Anonymous().GetAsync($"/api/v1/stations/nearest?{_point}&coordsys=wgs84&outCoordsys=wgs84&limit=10{extra}")).JsonAsync();
        return answer.GetProperty("results").EnumerateArray().ToArray();
    }

    private async Task<IPage> LocatedAsync(IPage page, Func<Task>? locate = null)
    {
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        var request = await page.RunAndWaitForRequestAsync(locate ?? (() => page.ClickAsync("#locate")), r => r.Url.Contains("/stations/nearest"));
        _point = Tiananmen.PointOf(request.Url);
        await page.Locator("#results li").First.WaitForAsync();
        return page;
    }

    private static Task WaitForCodesAsync(IPage page, IEnumerable<string> codes) =>
        page.WaitForFunctionAsync("expected => [...document.querySelectorAll('#results li')].map(li => li.dataset.code).join() === expected",
            string.Join(",", codes));

    private static string Code(JsonElement r) => r.GetProperty("code").GetString()!;

    [Fact]
    public async Task Locate_me_lists_the_APIs_nearest_stations_in_order_with_its_navigation_links_and_phone()
    {
        var page = await LocatedAsync(await app.NewPageAsync(geolocation: true));
        var expected = await ApiNearestAsync();

        await WaitForCodesAsync(page, expected.Select(Code));
        var first = page.Locator("#results li").First;
        var nav = expected[0].GetProperty("navigation");
        Assert.Equal(nav.GetProperty("amapWeb").GetString(), await first.Locator("a.nav-amap").GetAttributeAsync("href"));
        Assert.Equal(nav.GetProperty("baiduWeb").GetString(), await first.Locator("a.nav-baidu").GetAttributeAsync("href"));
        Assert.Contains(expected[0].GetProperty("name").GetString()!, await first.Locator(".station-name").InnerTextAsync());
        var distance = expected[0].GetProperty("distanceM").GetInt32();
        Assert.Contains(distance < 1000 ? $"{distance} 米" : $"{distance / 1000.0:0.0} 公里", await first.InnerTextAsync());
        if (expected[0].GetProperty("phone").GetString() is { } phone)
            Assert.Equal("tel:" + new string(phone.Where(c => char.IsDigit(c) || c == '+').ToArray()), await first.Locator("a.phone").GetAttributeAsync("href"));
        // Each service is an icon with its text label.
        var services = expected[0].GetProperty("services").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(services, await first.Locator(".services .svc").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.service)"));

        // OSM-style tiles are WGS-84: the markers sit where the API says, unconverted.
        var drawn = Drawn.Parse((await page.GetAttributeAsync("#map", "data-stations"))!.Split(';')[0]);
        var loc = expected[0].GetProperty("location");
        Assert.Equal(Code(expected[0]), drawn.Code);
        Assert.Equal(loc.GetProperty("lng").GetDouble(), drawn.Lng, 0.0000011);
        Assert.Equal(loc.GetProperty("lat").GetDouble(), drawn.Lat, 0.0000011);
        Assert.Equal(10, await page.Locator(".leaflet-marker-icon .pin").CountAsync());
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task Service_and_open_now_filters_change_the_list_to_the_APIs_answer()
    {
        var page = await LocatedAsync(await app.NewPageAsync(geolocation: true));

        await page.ClickAsync(".chip[data-service=aed]");
        Assert.Equal("true", await page.GetAttributeAsync(".chip[data-service=aed]", "aria-pressed"));
        var aed = await ApiNearestAsync("&services=aed");
        Assert.NotEqual((await ApiNearestAsync()).Select(Code), aed.Select(Code));
        await WaitForCodesAsync(page, aed.Select(Code));
        Assert.All(aed, r => Assert.Contains("aed", r.GetProperty("services").EnumerateArray().Select(s => s.GetString())));

        await page.CheckAsync("#open-now");
        await WaitForCodesAsync(page, (await ApiNearestAsync("&services=aed&openNow=true")).Select(Code));
        Assert.Equal(0, await page.Locator("#results .shut").CountAsync());
    }

    [Fact]
    public async Task The_step_free_box_lists_the_APIs_step_free_stations_each_with_a_step_free_badge()
    {
        await app.MarkStepFreeAsync(app.Anonymous());
        var page = await LocatedAsync(await app.NewPageAsync(geolocation: true));
        Assert.Equal("只看无障碍", (await page.Locator("label.step-free").InnerTextAsync()).Trim());
        // Unfiltered: the badge is on exactly the stations the API records as step-free.
        var all = await ApiNearestAsync();
        await WaitForCodesAsync(page, all.Select(Code));
        var badged = all.Where(r => r.GetProperty("accessible").ValueKind == JsonValueKind.True).Select(Code).ToArray();
        Assert.NotEmpty(badged);
        Assert.Equal(badged, await page.Locator("#results li:has(.accessible)").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)"));

        await page.CheckAsync("#accessible-only");
        var stepFree = await ApiNearestAsync("&accessible=true");
        Assert.NotEqual(all.Select(Code), stepFree.Select(Code));
        await WaitForCodesAsync(page, stepFree.Select(Code));
        Assert.Equal(stepFree.Length, await page.Locator("#results li .accessible").CountAsync());
        Assert.Equal("♿ 无障碍", (await page.Locator("#results li .accessible").First.InnerTextAsync()).Trim());
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task Keyboard_alone_tabs_to_the_locate_button_and_Enter_finds_stations()
    {
        var page = await app.NewPageAsync(geolocation: true);
        await LocatedAsync(page, async () =>
        {
            for (var i = 0; i < 10 && await page.EvaluateAsync<string>("document.activeElement.id") != "locate"; i++)
                await page.Keyboard.PressAsync("Tab");
            Assert.Equal("locate", await page.EvaluateAsync<string>("document.activeElement.id"));
            await page.Keyboard.PressAsync("Enter");
        });
        await WaitForCodesAsync(page, (await ApiNearestAsync()).Select(Code));
        // Controls carry names a screen reader can read, and text has at least 4.5:1 contrast.
        Assert.Equal("只看营业中", (await page.Locator("label.open-now").InnerTextAsync()).Trim());
        Assert.NotNull(await page.GetAttributeAsync("#service-filters", "aria-label"));
        Assert.Empty(await Accessibility.UnlabelledControlsAsync(page));
        Assert.Empty(await Accessibility.LowContrastTextAsync(page));
        // The checker itself sees pale grey on white.
        await page.EvaluateAsync("document.querySelector('#results').insertAdjacentHTML('beforebegin', '<p style=\"color:#aaa\">浅灰</p>')");
        Assert.Single(await Accessibility.LowContrastTextAsync(page));
    }

    [Fact]
    public async Task A_refused_location_is_explained_and_tapping_the_map_still_works()
    {
        var page = await app.NewPageAsync(geolocation: false);
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.ClickAsync("#locate");
        await page.Locator("#status.error").WaitForAsync();
        Assert.Contains("无法定位", await page.InnerTextAsync("#status"));
        await page.Locator("#map").ClickAsync();
        await page.Locator("#results li").First.WaitForAsync();
    }

    [Fact]
    public async Task Tapping_the_map_searches_around_the_tapped_point()
    {
        var page = await app.NewPageAsync(width: 1280, height: 800);
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Locator("#results li").First.WaitForAsync();

        var user = (await page.GetAttributeAsync("#map", "data-user"))!.Split(',');
        var answer = await (await app.Anonymous().GetAsync($"/api/v1/stations/nearest?lng={user[0]}&lat={user[1]}&limit=10")).JsonAsync();
        var codes = answer.GetProperty("results").EnumerateArray().Select(Code).ToList();
        await WaitForCodesAsync(page, codes);
        Assert.Equal("wgs84", user[2]);
    }

    [Fact]
    public async Task Station_detail_shows_address_hours_and_app_links()
    {
        var page = await LocatedAsync(await app.NewPageAsync(geolocation: true));
        var first = (await ApiNearestAsync())[0];
        await page.Locator("#results li").First.Locator(".station-name").ClickAsync();

        var dialog = page.Locator("#detail");
        await dialog.WaitForAsync();
        var text = await dialog.InnerTextAsync();
        Assert.Contains(first.GetProperty("address").GetString()!, text);
        Assert.Contains("开放时间", text);
        // The page's wording (hours.js) is the one the provider feeds send (ChineseHoursText): the two stay in step.
        if (first.GetProperty("openingHours").GetString() is { } hours)
            Assert.Contains(StationMap.Hours.ChineseHoursText.Of(hours), text);
        Assert.Equal(first.GetProperty("navigation").GetProperty("amapApp").GetString(),
            await dialog.Locator("a[href^='amapuri:']").GetAttributeAsync("href"));
        await page.Keyboard.PressAsync("Escape");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task English_switch_translates_the_page_and_the_service_labels()
    {
        var page = await LocatedAsync(await app.NewPageAsync(geolocation: true));
        await page.ClickAsync("#lang");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Locate me", await page.InnerTextAsync("#locate"));
        Assert.Contains("Drinking water", await page.InnerTextAsync("#service-filters"));
        Assert.Contains("min walk", await page.InnerTextAsync("#results"));
        await page.ClickAsync("#lang");
        Assert.Equal("定位我", await page.InnerTextAsync("#locate"));
    }

    [Fact]
    public async Task The_page_loads_under_100_KB_on_the_wire_with_nothing_from_other_hosts()
    {
        var page = await app.NewPageAsync();
        var requests = new List<IRequest>();
        var finished = new List<IRequest>();
        page.Request += (_, r) => requests.Add(r);
        page.RequestFinished += (_, r) => finished.Add(r);
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Locator("body[data-ready=true]").WaitForAsync();

        long bytes = 0;
        foreach (var r in finished.Where(r => r.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal))) bytes += (await r.SizesAsync()).ResponseBodySize;
        Assert.InRange(bytes, 10_000, 100_000);
        // Only the (configurable) tile server is another host: no CDN, no web fonts.
        Assert.All(requests.Where(r => !r.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal)), r => Assert.StartsWith("http://127.0.0.1:9/", r.Url));
        Assert.DoesNotContain(requests, r => r.ResourceType == "font");
    }

    [Fact]
    public async Task Screenshots_at_phone_and_desktop_width()
    {
        foreach (var (w, h, name) in new[] { (360, 740, "courier-phone"), (1280, 800, "courier-desktop") })
        {
            var page = await LocatedAsync(await app.NewPageAsync(w, h, geolocation: true));
            await page.WaitForTimeoutAsync(400); // let the map finish its fit-to-bounds animation
            await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot(name), FullPage = w < 600 });
            await page.Locator("#results li").First.Locator(".station-name").ClickAsync();
            await page.Locator("#detail").WaitForAsync();
            await page.ScreenshotAsync(new() { Path = PagePaths.Screenshot(name + "-detail") });
            Assert.True(new FileInfo(PagePaths.Screenshot(name)).Length > 10_000);
            // Nothing sticks out sideways on a 360 px phone.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        }
        var english = await LocatedAsync(await app.NewPageAsync(geolocation: true));
        await english.ClickAsync("#lang");
        await english.ScreenshotAsync(new() { Path = PagePaths.Screenshot("courier-phone-en") });
        Assert.True(await english.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
    }
}

/// <summary>With Amap tiles (GCJ-02) every point on the map is GCJ-02; the list and links do not change.</summary>
public sealed class CourierPageOnAmapTilesTests(AmapTilesPageFixture app) : IClassFixture<AmapTilesPageFixture>
{
    [Fact]
    public async Task The_user_and_the_stations_are_drawn_in_GCJ02()
    {
        var page = await app.NewPageAsync(geolocation: true);
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        var request = await page.RunAndWaitForRequestAsync(() => page.ClickAsync("#locate"), r => r.Url.Contains("/stations/nearest"));
        Assert.Contains("outCoordsys=gcj02", request.Url);
        var point = Tiananmen.PointOf(request.Url);
        await page.Locator("#results li").First.WaitForAsync();

        var q = System.Web.HttpUtility.ParseQueryString(point);
        var converted = await (await app.Anonymous().GetAsync($"/api/v1/convert?from=wgs84&to=gcj02&points={q["lng"]},{q["lat"]}")).JsonAsync();
        var p = converted.GetProperty("points")[0];
        var user = (await page.GetAttributeAsync("#map", "data-user"))!.Split(',');
        Assert.Equal("gcj02", user[2]);
        Assert.Equal(p.GetProperty("lng").GetDouble(), Drawn.Number(user[0]), 0.0000011);
        Assert.Equal(p.GetProperty("lat").GetDouble(), Drawn.Number(user[1]), 0.0000011);

        var gcj = await (await app.Anonymous().GetAsync($"/api/v1/stations/nearest?{point}&coordsys=wgs84&outCoordsys=gcj02&limit=10")).JsonAsync();
        var drawn = (await page.GetAttributeAsync("#map", "data-stations"))!.Split(';').Select(Drawn.Parse).ToList();
        var expected = gcj.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(expected.Select(r => r.GetProperty("code").GetString()), drawn.Select(d => d.Code));
        foreach (var (r, d) in expected.Zip(drawn))
        {
            Assert.Equal(r.GetProperty("location").GetProperty("lng").GetDouble(), d.Lng, 0.0000011);
            Assert.Equal(r.GetProperty("location").GetProperty("lat").GetDouble(), d.Lat, 0.0000011);
        }
        // Navigation links do not depend on the tiles: still the API's.
        Assert.Equal(gcj.GetProperty("results")[0].GetProperty("navigation").GetProperty("amapWeb").GetString(),
            await page.Locator("#results li a.nav-amap").First.GetAttributeAsync("href"));
    }
}

/// <summary>A marker as the map element records it: "code@lng,lat" with six decimals.</summary>
internal sealed record Drawn(string Code, double Lng, double Lat)
{
    public static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static Drawn Parse(string text)
    {
        var (code, point) = (text[..text.IndexOf('@')], text[(text.IndexOf('@') + 1)..].Split(','));
        return new Drawn(code, Number(point[0]), Number(point[1]));
    }
}
