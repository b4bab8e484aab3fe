using System.Net;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Stations;

/// <summary>
/// The README: "coordsys … on everything that enters; outCoordsys on what leaves", and nearest honours outCoordsys.
/// The station list and the single station ignore it without a word and answer WGS-84: a partner app that asks for
/// GCJ-02 to draw on Amap tiles puts every station ~500 m off. The parameter must be honoured or refused by name.
/// </summary>
public class StationOutputCoordsysTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/api/v1/stations?bbox=116.3260,39.9732,116.3264,39.9736&outCoordsys=gcj02")]
    [InlineData("/api/v1/stations/BJ-OUT-1?outCoordsys=gcj02")]
    public async Task Out_coordsys_is_honoured_or_refused_by_name(string url)
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var created = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-OUT-1") with { Lng = 116.3262, Lat = 39.9734 });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);

        var response = await api.Anonymous().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Contains("outCoordsys", body);
            return;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        var station = json.TryGetProperty("items", out var items) ? items.EnumerateArray().Single() : json;
        var location = station.GetProperty("location");
        CoordConvert.Wgs84ToGcj02(116.3262, 39.9734, out var gLng, out var gLat);
        Assert.True(location.GetProperty("coordsys").GetString() == "gcj02", body);
        // Within 1e-6° (the API writes 7 decimals): "6 decimal places" rounds both sides and can split a pair 5e-8 apart.
        Assert.Equal(gLng, location.GetProperty("lng").GetDouble(), 1e-6);
        Assert.Equal(gLat, location.GetProperty("lat").GetDouble(), 1e-6);
    }
}
