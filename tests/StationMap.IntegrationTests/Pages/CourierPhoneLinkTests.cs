using System.Net.Http.Json;
using System.Text.Json;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Pages;

/// <summary>Tap-to-call on the courier page for the phone numbers the station rules accept.</summary>
public sealed class CourierPhoneLinkTests(PageFixture app) : IClassFixture<PageFixture>
{
    // A courier who taps 拨打 must reach the station: one link per number it lists, never the digits of both run together.
    [Fact]
    public async Task Tapping_call_on_a_station_with_two_numbers_dials_one_of_them()
    {
        var editor = await app.StaffAsync(StaffRole.Editor, "110101");
        var created = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("REV-TEL-1") with
        {
            Address = "北京市东城区天安门广场1号", Adcode = "110101", Lng = Tiananmen.Lng, Lat = Tiananmen.Lat,
            Phone = "010-62561234/13812345678",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("010-62561234/13812345678", (await created.JsonAsync()).GetProperty("phone").GetString());

        await WaitUntilListedAsync("REV-TEL-1");

        var page = await app.NewPageAsync(geolocation: true);
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.ClickAsync("#locate");
        var card = page.Locator("#results li[data-code='REV-TEL-1']");
        await card.WaitForAsync();
        var hrefs = await card.Locator("a.phone").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.Contains(href, new[] { "tel:01062561234", "tel:13812345678" }));
    }

    // Each number keeps its own link with the number as written, and an extension (转123) is shown but never dialled
    // as part of the number: the courier reaches the switchboard and asks for it.
    [Fact]
    public async Task Each_number_has_its_own_link_and_an_extension_is_shown_but_not_dialled()
    {
        var editor = await app.StaffAsync(StaffRole.Editor, "110101");
        var created = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("REV-TEL-2") with
        {
            Address = "北京市东城区天安门广场2号", Adcode = "110101", Lng = Tiananmen.Lng + 0.0003, Lat = Tiananmen.Lat,
            Phone = "010-62561234转123、13812345678",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        await WaitUntilListedAsync("REV-TEL-2");

        var page = await app.NewPageAsync(geolocation: true);
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.ClickAsync("#locate");
        var card = page.Locator("#results li[data-code='REV-TEL-2']");
        await card.WaitForAsync();
        var links = await card.Locator("a.phone").EvaluateAllAsync<string[][]>("els => els.map(e => [e.getAttribute('href'), e.textContent])");
        Assert.Equal(["tel:01062561234", "tel:13812345678"], links.Select(l => l[0]));
        Assert.EndsWith("010-62561234转123", links[0][1]);
        Assert.EndsWith("13812345678", links[1][1]);
    }

    /// <summary>The page's server learns of a new station through its index (LISTEN/NOTIFY): wait until it answers with it.</summary>
    private async Task WaitUntilListedAsync(string code)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        for (var i = 0; i < 300; i++)
        {
            var answer = await http.GetFromJsonAsync<JsonElement>($"/api/v1/stations/nearest?lng={Tiananmen.Lng}&lat={Tiananmen.Lat}&limit=10");
            if (answer.GetProperty("results").EnumerateArray().Any(r => r.GetProperty("code").GetString() == code)) return;
            await Task.Delay(100);
        }
        Assert.Fail($"{code} never reached the nearest index");
    }
}
