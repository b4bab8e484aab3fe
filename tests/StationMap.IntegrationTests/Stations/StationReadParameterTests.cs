using System.Net;
using System.Text.Json;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Stations;

/// <summary>
/// Station reads take their parameters as nearest does: coordsys for what comes in (the list's bbox), outCoordsys for
/// what goes out; on one station and its history, which take no coordinates in, coordsys stays an alias of
/// outCoordsys. Anything else is refused by name rather than ignored.
/// </summary>
public class StationReadParameterTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const double Lng = 116.3301, Lat = 39.9801;

    private async Task<HttpClient> EditorWithStationAsync(string code)
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var created = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian(code) with { Lng = Lng, Lat = Lat });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        return editor;
    }

    [Theory]
    [InlineData("/api/v1/stations?colour=red", "colour", "unknown_parameter")]
    [InlineData("/api/v1/stations?q=x&outCoordsys=bd09mc", "outCoordsys", "invalid_parameter")]
    [InlineData("/api/v1/stations?q=x&outCoordsys=utm50n", "outCoordsys", "invalid_parameter")]
    [InlineData("/api/v1/stations/BJ-RP-1?fields=name", "fields", "unknown_parameter")]
    [InlineData("/api/v1/stations/BJ-RP-1?outCoordsys=mars", "outCoordsys", "invalid_parameter")]
    [InlineData("/api/v1/stations/BJ-RP-1?coordsys=gcj02&outCoordsys=bd09", "outCoordsys", "conflicting_parameter")]
    public async Task Bad_or_unknown_read_parameters_get_400_naming_them_in_both_languages(string url, string field, string code)
    {
        await EditorWithStationAsync("BJ-RP-1");
        var response = await api.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains((field, code), problem.GetProperty("codes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("code").GetString())));
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains(field, message);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}.* / .*[a-z]", message);
    }

    [Fact]
    public async Task The_list_reads_its_bbox_in_coordsys_and_answers_in_outCoordsys()
    {
        await EditorWithStationAsync("BJ-RP-2");
        CoordConvert.Wgs84ToGcj02(Lng, Lat, out var gLng, out var gLat);
        // A box around the station's GCJ-02 position: it holds the station only when read as GCJ-02.
        var bbox = FormattableString.Invariant($"{gLng - 0.0002},{gLat - 0.0002},{gLng + 0.0002},{gLat + 0.0002}");

        var wgs = await (await api.Anonymous().GetAsync($"/api/v1/stations?bbox={bbox}&coordsys=gcj02&outCoordsys=wgs84")).JsonAsync();
        Assert.Equal("wgs84", wgs.GetProperty("coordsys").GetString());
        var location = Only(wgs, "BJ-RP-2").GetProperty("location");
        Assert.Equal("wgs84", location.GetProperty("coordsys").GetString());
        Assert.Equal(Lng, location.GetProperty("lng").GetDouble(), 1e-6);

        // coordsys alone still means both, as the courier page's GCJ-02 map asks.
        var gcj = await (await api.Anonymous().GetAsync($"/api/v1/stations?bbox={bbox}&coordsys=gcj02")).JsonAsync();
        Assert.Equal(gLng, Only(gcj, "BJ-RP-2").GetProperty("location").GetProperty("lng").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task Parameter_names_are_read_in_any_case_so_none_is_refused_as_unknown()
    {
        await EditorWithStationAsync("BJ-RP-3");
        var response = await api.Anonymous().GetAsync("/api/v1/stations?Q=BJ-RP-3&PAGESIZE=5&OutCoordsys=gcj02");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(5, body.GetProperty("pageSize").GetInt32());
        Assert.Equal("gcj02", body.GetProperty("coordsys").GetString());
    }

    [Theory]
    [InlineData("coordsys=bd09", "bd09")]
    [InlineData("outCoordsys=bd09", "bd09")]
    [InlineData("coordsys=gcj02&outCoordsys=gcj02", "gcj02")]
    [InlineData("", "wgs84")]
    public async Task One_station_answers_in_outCoordsys_or_its_older_alias_coordsys(string query, string expected)
    {
        await EditorWithStationAsync("BJ-RP-4");
        var response = await api.Anonymous().GetAsync("/api/v1/stations/BJ-RP-4?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var location = (await response.JsonAsync()).GetProperty("location");
        Assert.Equal(expected, location.GetProperty("coordsys").GetString());
        Assert.True(CoordSysNames.TryParse(expected, out var sys));
        var want = new Coordinate(Lng, Lat, CoordSys.Wgs84).To(sys);
        Assert.Equal(want.Lng, location.GetProperty("lng").GetDouble(), 1e-6);
        Assert.Equal(want.Lat, location.GetProperty("lat").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task History_answers_its_snapshots_location_in_outCoordsys_and_keeps_what_was_submitted()
    {
        var editor = await EditorWithStationAsync("BJ-RP-5");
        var response = await editor.GetAsync("/api/v1/stations/BJ-RP-5/history?outCoordsys=gcj02");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var snapshot = (await response.JsonAsync())[0].GetProperty("station");
        CoordConvert.Wgs84ToGcj02(Lng, Lat, out var gLng, out var gLat);
        var location = snapshot.GetProperty("location");
        Assert.Equal("gcj02", location.GetProperty("coordsys").GetString());
        Assert.Equal(gLng, location.GetProperty("lng").GetDouble(), 1e-6);
        Assert.Equal(gLat, location.GetProperty("lat").GetDouble(), 1e-6);
        Assert.Equal("wgs84", snapshot.GetProperty("submitted").GetProperty("coordsys").GetString());
        Assert.Equal(Lng, snapshot.GetProperty("submitted").GetProperty("lng").GetDouble());

        var stored = await (await editor.GetAsync("/api/v1/stations/BJ-RP-5/history")).JsonAsync();
        Assert.Equal(Lng, stored[0].GetProperty("station").GetProperty("location").GetProperty("lng").GetDouble(), 1e-9);

        var unknown = await editor.GetAsync("/api/v1/stations/BJ-RP-5/history?since=3");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("since", await unknown.Content.ReadAsStringAsync());
    }

    private static JsonElement Only(JsonElement page, string code) =>
        page.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("code").GetString() == code);
}
