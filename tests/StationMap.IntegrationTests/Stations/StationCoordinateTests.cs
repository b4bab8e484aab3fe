using System.Net;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Stations;

public class StationCoordinateTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_station_submitted_in_gcj02_is_stored_in_wgs84_and_keeps_what_was_submitted()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        CoordConvert.Wgs84ToGcj02(116.3162, 39.9834, out var gLng, out var gLat);
        var created = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-GCJ-1") with { Lng = gLng, Lat = gLat, Coordsys = "gcj02" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await using var db = api.NewDb();
        var stored = await db.Stations.SingleAsync(s => s.Code == "BJ-GCJ-1");
        Assert.Equal(116.3162, stored.Location.X, 8);  // within 1e-8° ≈ 1 mm
        Assert.Equal(39.9834, stored.Location.Y, 8);
        Assert.Equal(gLng, stored.SubmittedLng);
        Assert.Equal(CoordSys.Gcj02, stored.SubmittedCoordSys);

        var asBaidu = await (await api.Anonymous().GetAsync("/api/v1/stations/BJ-GCJ-1?coordsys=bd09")).JsonAsync();
        CoordConvert.Wgs84ToBd09(116.3162, 39.9834, out var bLng, out _);
        Assert.Equal("bd09", asBaidu.GetProperty("location").GetProperty("coordsys").GetString());
        Assert.Equal(bLng, asBaidu.GetProperty("location").GetProperty("lng").GetDouble(), 6);
    }

    [Fact]
    public async Task Swapped_or_foreign_coordinates_are_refused_with_the_reason()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var swapped = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-GCJ-2") with { Lng = 39.9834, Lat = 116.3162 });
        Assert.Equal(HttpStatusCode.BadRequest, swapped.StatusCode);
        Assert.Contains("swapped", await swapped.Content.ReadAsStringAsync());
        var tokyo = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-GCJ-3") with { Lng = 139.69, Lat = 35.68 });
        Assert.Contains("outside_china", await tokyo.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chinese_opening_hours_are_stored_in_canonical_form_and_nonsense_is_refused()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var created = await (await editor.PostJsonAsync("/api/v1/stations",
            SampleInputs.Haidian("BJ-HRS-1") with { OpeningHours = "周一至周五 8:00-18:00，周六、周日 9:00-17:00" })).JsonAsync();
        Assert.Equal("Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00", created.GetProperty("openingHours").GetString());
        var bad = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-HRS-2") with { OpeningHours = "随便" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("openingHours", await bad.Content.ReadAsStringAsync());
    }
}
