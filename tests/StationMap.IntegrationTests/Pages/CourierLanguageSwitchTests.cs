using Microsoft.Playwright;

namespace StationMap.IntegrationTests.Pages;

/// <summary>
/// The language switch redraws the status line from scratch (main.js onLangChange): "found n" when there is an origin,
/// else the start prompt. A courier who cannot read the red Chinese error and presses English to understand it gets the
/// generic prompt instead: the reason (location refused, an API refusal) is gone in both languages.
/// </summary>
public sealed class CourierLanguageSwitchTests(PageFixture app) : IClassFixture<PageFixture>
{
    [Fact]
    public async Task A_refused_location_is_still_explained_after_switching_to_english()
    {
        var page = await app.NewPageAsync(geolocation: false);
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.ClickAsync("#locate");
        await page.Locator("#status.error").WaitForAsync();
        Assert.Contains("无法定位", await page.InnerTextAsync("#status"));

        await page.ClickAsync("#lang");
        await page.Locator("html[lang=en]").WaitForAsync();
        Assert.Contains("Location refused", await page.InnerTextAsync("#status"));
        Assert.Empty(app.PageErrors);
    }
}
