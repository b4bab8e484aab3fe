using System.Net;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Stations;

/// <summary>
/// A write answers with the record written: in WGS-84 unless <c>outCoordsys</c> asks otherwise (the body's coordsys
/// is the system of what comes in). A bad outCoordsys is refused before anything is written.
/// </summary>
public class StationWriteOutputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_write_in_gcj02_can_ask_for_its_answer_in_gcj02()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        CoordConvert.Wgs84ToGcj02(116.3162, 39.9834, out var gLng, out var gLat);
        var input = SampleInputs.Haidian("BJ-WO-1") with { Lng = gLng, Lat = gLat, Coordsys = "gcj02" };

        var created = await editor.PostJsonAsync("/api/v1/stations?outCoordsys=gcj02", input);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = (await created.JsonAsync()).GetProperty("location");
        Assert.Equal("gcj02", location.GetProperty("coordsys").GetString());
        Assert.Equal(gLng, location.GetProperty("lng").GetDouble(), 1e-6);
        Assert.Equal(gLat, location.GetProperty("lat").GetDouble(), 1e-6);

        var updated = await editor.PutJsonAsync("/api/v1/stations/BJ-WO-1", input with { Version = 1 });
        var stored = (await updated.JsonAsync()).GetProperty("location");
        Assert.Equal("wgs84", stored.GetProperty("coordsys").GetString());
        Assert.Equal(116.3162, stored.GetProperty("lng").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task A_bad_outCoordsys_on_a_write_is_refused_and_nothing_is_written()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var refused = await editor.PostJsonAsync("/api/v1/stations?outCoordsys=bd09mc", SampleInputs.Haidian("BJ-WO-2"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("outCoordsys", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/api/v1/stations/BJ-WO-2")).StatusCode);
    }
}
