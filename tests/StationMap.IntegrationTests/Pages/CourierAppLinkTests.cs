namespace StationMap.IntegrationTests.Pages;

/// <summary>The detail's "open in the Amap app" link opens the app on the courier's phone, iPhone or Android.</summary>
public sealed class CourierAppLinkTests(PageFixture app) : IClassFixture<PageFixture>
{
    private const string Iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private const string Android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

    // Amap's iPhone app answers iosamap:// only; amapuri:// is its Android scheme. Same route parameters in both.
    [Theory]
    [InlineData(Iphone, "iosamap://path?")]
    [InlineData(Android, "amapuri://route/plan/?")]
    public async Task The_amap_app_link_uses_the_phones_own_scheme_with_the_same_route(string userAgent, string scheme)
    {
        var page = await app.NewPageAsync(geolocation: true, userAgent: userAgent);
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#locate"), r => r.Url.Contains("/api/v1/stations/nearest"));
        var first = (await answer.JsonAsync())!.Value.GetProperty("results")[0];
        var apiLink = first.GetProperty("navigation").GetProperty("amapApp").GetString()!;

        await page.Locator("#results li .station-name").First.ClickAsync();
        var link = await page.Locator("#detail a[href*='amap']").Last.GetAttributeAsync("href") ?? "";
        Assert.StartsWith(scheme, link);
        Assert.Equal(apiLink[apiLink.IndexOf('?')..], link[link.IndexOf('?')..]); // the same start, destination and mode
        Assert.Contains("t=2", link); // walking
        Assert.Empty(app.PageErrors);
    }
}
