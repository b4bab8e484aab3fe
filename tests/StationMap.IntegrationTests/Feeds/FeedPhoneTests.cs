using System.Net;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Feeds;

/// <summary>What the map providers receive for a phone number written with the country code.</summary>
public sealed class FeedPhoneTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    // Amap and Baidu import the file by machine and keep every character: the phone must arrive as the station has it, with no formula-guard apostrophe.
    [Theory]
    [InlineData("amap-yuntu")]
    [InlineData("baidu-geotable")]
    public async Task A_phone_with_the_country_code_reaches_the_provider_feed_as_the_station_has_it(string profile)
    {
        await api.CreateAsync("REV-PLUS-" + profile.Length, change: i => i with { Phone = "+8613812345678" });
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110108");
        var response = await publisher.PostJsonAsync("/api/v1/exports", new { profile, adcode = "110108", kind = "full" });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, response.StatusCode.ToString());
        var file = (await response.JsonAsync()).GetProperty("files").EnumerateArray().First();
        var csv = await (await publisher.GetAsync(file.GetProperty("url").GetString())).Content.ReadAsStringAsync();

        Assert.Contains("REV-PLUS-", csv);
        Assert.DoesNotContain("'+8613812345678", csv);
        Assert.Contains(",+8613812345678,", csv);
    }
}
