using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Pages;

/// <summary>
/// A station with no hours and no phone (both optional) at the courier's position. The detail dialog's hours row is
/// "营业时间未知 · 营业时间未知": list.js renders describeHours(...) || t('hoursUnknown') and then openState(), which for
/// openNow = null is the same words again.
/// </summary>
public sealed class CourierMissingFieldsTests(PageFixture app) : IClassFixture<PageFixture>
{
    [Fact]
    public async Task A_station_without_hours_says_hours_unknown_once_and_shows_no_phone()
    {
        var editor = await app.StaffAsync(StaffRole.Editor, "110101");
        var created = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-BARE-1") with
        {
            Name = "天安门东工会户外劳动者服务站点", Address = "北京市东城区东长安街1号", Adcode = "110101",
            Lng = Tiananmen.Lng, Lat = Tiananmen.Lat, OpeningHours = null, Phone = null,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        // Wait until the nearest index answers with it first.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await (await app.Anonymous().GetAsync($"/api/v1/stations/nearest?lng={Tiananmen.Lng}&lat={Tiananmen.Lat}&limit=1")).JsonAsync();
            if (answer.GetProperty("results")[0].GetProperty("code").GetString() == "BJ-BARE-1") break;
            Assert.True(DateTime.UtcNow < deadline, "BJ-BARE-1 never reached the nearest index");
            await Task.Delay(50);
        }

        var page = await app.NewPageAsync(geolocation: true);
        await page.GotoAsync("/");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        await page.ClickAsync("#locate");
        var first = page.Locator("#results li[data-code='BJ-BARE-1']");
        await first.WaitForAsync();
        Assert.Equal(0, await first.Locator("a.phone").CountAsync());
        await first.Locator(".station-name").ClickAsync();

        var dialog = page.Locator("#detail");
        await dialog.WaitForAsync();
        var text = await dialog.InnerTextAsync();
        Assert.True(text.Split("营业时间未知").Length - 1 == 1, text);
        Assert.Empty(app.PageErrors);
    }
}
