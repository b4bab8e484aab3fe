using System.Net;
using System.Text.Json;
using StationMap.Geo;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Nearby;

public class NearestEndpointTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    private const double TiananmenLng = 116.3975, TiananmenLat = 39.9087;

    [Fact]
    public async Task Nearest_returns_stations_sorted_by_distance_with_walking_and_ebike_minutes()
    {
        var client = api.Anonymous();
        await ApiFixture.WaitForIndexAsync(client);
        var body = await (await client.GetAsync($"/api/v1/stations/nearest?lng={TiananmenLng}&lat={TiananmenLat}&limit=5")).JsonAsync();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        var distances = results.Select(r => r.GetProperty("distanceM").GetInt32()).ToList();
        Assert.Equal(distances.Order(), distances);
        var first = results[0];
        Assert.Equal((int)Math.Ceiling(distances[0] / (1000.0 / 15)), first.GetProperty("walkMinutes").GetInt32());
        Assert.Equal((int)Math.Ceiling(distances[0] / 250.0), first.GetProperty("ebikeMinutes").GetInt32());
        Assert.Equal("wgs84", first.GetProperty("location").GetProperty("coordsys").GetString());
        Assert.Contains("straight-line", body.GetProperty("estimate").GetString());
    }

    [Fact]
    public async Task A_gcj02_query_point_finds_the_same_stations_as_its_wgs84_equivalent_and_answers_in_gcj02()
    {
        var client = api.Anonymous();
        CoordConvert.Wgs84ToGcj02(TiananmenLng, TiananmenLat, out var gLng, out var gLat);
        var wgs = await (await client.GetAsync($"/api/v1/stations/nearest?lng={TiananmenLng}&lat={TiananmenLat}")).JsonAsync();
        var gcj = await (await client.GetAsync($"/api/v1/stations/nearest?lng={gLng:R}&lat={gLat:R}&coordsys=gcj02")).JsonAsync();
        Assert.Equal(Codes(wgs), Codes(gcj));
        var w = wgs.GetProperty("results")[0].GetProperty("location");
        var g = gcj.GetProperty("results")[0].GetProperty("location");
        Assert.Equal("gcj02", g.GetProperty("coordsys").GetString());
        CoordConvert.Wgs84ToGcj02(w.GetProperty("lng").GetDouble(), w.GetProperty("lat").GetDouble(), out var eLng, out var eLat);
        Assert.Equal(eLng, g.GetProperty("lng").GetDouble(), 6);
        Assert.Equal(eLat, g.GetProperty("lat").GetDouble(), 6);
    }

    [Fact]
    public async Task Navigation_links_carry_the_destination_in_each_apps_coordinate_system()
    {
        var body = await (await api.Anonymous().GetAsync($"/api/v1/stations/nearest?lng={TiananmenLng}&lat={TiananmenLat}&limit=1")).JsonAsync();
        var r = body.GetProperty("results")[0];
        var loc = r.GetProperty("location");
        double lng = loc.GetProperty("lng").GetDouble(), lat = loc.GetProperty("lat").GetDouble();
        CoordConvert.Wgs84ToGcj02(lng, lat, out var gLng, out var gLat);
        CoordConvert.Wgs84ToBd09(lng, lat, out var bLng, out var bLat);
        var nav = r.GetProperty("navigation");
        Assert.Contains($"dlat={gLat:0.000000}&dlon={gLng:0.000000}", nav.GetProperty("amapApp").GetString());
        Assert.Contains("t=2", nav.GetProperty("amapApp").GetString());
        Assert.Contains($"to={gLng:0.000000},{gLat:0.000000}", nav.GetProperty("amapWeb").GetString());
        Assert.Contains($"destination=latlng:{bLat:0.000000},{bLng:0.000000}", nav.GetProperty("baiduApp").GetString());
        Assert.Contains("mode=walking", nav.GetProperty("baiduWeb").GetString());
        Assert.Contains("coord_type=bd09ll", nav.GetProperty("baiduWeb").GetString());
    }

    [Fact]
    public async Task Service_type_and_radius_filters_hold_for_every_result()
    {
        var body = await (await api.Anonymous().GetAsync(
            $"/api/v1/stations/nearest?lng={TiananmenLng}&lat={TiananmenLat}&limit=50&services=microwave,toilet&type=standard&radius=3000")).JsonAsync();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            var services = r.GetProperty("services").EnumerateArray().Select(s => s.GetString()).ToList();
            Assert.Contains("microwave", services);
            Assert.Contains("toilet", services);
            Assert.Equal("standard", r.GetProperty("type").GetString());
            Assert.True(r.GetProperty("distanceM").GetInt32() <= 3000);
        });
    }

    [Fact]
    public async Task Open_now_at_3am_on_a_sunday_returns_only_stations_open_then()
    {
        var url = $"/api/v1/stations/nearest?lng={TiananmenLng}&lat={TiananmenLat}&limit=20&openNow=true&at=2026-11-29T03:00:00%2B08:00";
        var results = (await (await api.Anonymous().GetAsync(url)).JsonAsync()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(20, results.Count);
        Assert.All(results, r => Assert.True(r.GetProperty("openNow").GetBoolean()));
        var all = (await (await api.Anonymous().GetAsync($"/api/v1/stations/nearest?lng={TiananmenLng}&lat={TiananmenLat}&limit=20&at=2026-11-29T03:00:00%2B08:00")).JsonAsync())
            .GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(all, r => !r.GetProperty("openNow").GetBoolean()); // the filter really removed some
    }

    [Fact]
    public async Task Accessible_true_returns_only_step_free_stations_and_both_forms_say_so()
    {
        var client = api.Anonymous();
        await api.MarkStepFreeAsync(client);
        var near = $"/api/v1/stations/nearest?lng={TiananmenLng}&lat={TiananmenLat}&limit=20";
        var all = (await (await client.GetAsync(near)).JsonAsync()).GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(all, r => r.GetProperty("accessible").ValueKind == JsonValueKind.Null); // unknown is written as null
        Assert.Contains(all, r => r.GetProperty("accessible").ValueKind == JsonValueKind.False);

        var stepFree = (await (await client.GetAsync(near + "&accessible=true")).JsonAsync()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(20, stepFree.Count);
        Assert.All(stepFree, r => Assert.True(r.GetProperty("accessible").GetBoolean()));
        // The step-free ones among the unfiltered answer come first in the filtered one, in the same order.
        var expected = all.Where(r => r.GetProperty("accessible").ValueKind == JsonValueKind.True).Select(r => r.GetProperty("code").GetString());
        Assert.Equal(expected, stepFree.Take(expected.Count()).Select(r => r.GetProperty("code").GetString()));

        var geo = await (await client.GetAsync(near + "&accessible=true&f=geojson")).JsonAsync();
        Assert.All(geo.GetProperty("features").EnumerateArray(), f => Assert.True(f.GetProperty("properties").GetProperty("accessible").GetBoolean()));
        // accessible=false means "no filter", not "only stations without one".
        Assert.Equal(all.Select(r => r.GetProperty("code").GetString()),
            Codes(await (await client.GetAsync(near + "&accessible=false")).JsonAsync()));
    }

    [Fact]
    public async Task GeoJson_is_an_rfc7946_feature_collection_in_wgs84_even_when_gcj02_was_asked()
    {
        var json = await (await api.Anonymous().GetAsync($"/api/v1/stations/nearest?lng={TiananmenLng}&lat={TiananmenLat}&limit=3&f=geojson&outCoordsys=gcj02")).JsonAsync();
        var plain = await (await api.Anonymous().GetAsync($"/api/v1/stations/nearest?lng={TiananmenLng}&lat={TiananmenLat}&limit=3")).JsonAsync();
        Assert.Equal("FeatureCollection", json.GetProperty("type").GetString());
        var feature = json.GetProperty("features")[0];
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        var lngLat = feature.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(plain.GetProperty("results")[0].GetProperty("location").GetProperty("lng").GetDouble(), lngLat[0].GetDouble(), 6);
        Assert.Equal(Codes(plain)[0], feature.GetProperty("properties").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("lng=39.9&lat=116.4", "lat", "swapped")]
    [InlineData("lng=abc&lat=39.9", "lng", "not_a_number")]
    [InlineData("lng=116.4&lat=39.9&coordsys=mars", "coordsys", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&services=coffee", "services", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&limit=51", "limit", "out_of_range")]
    [InlineData("lng=116.4&lat=39.9&radius=50001", "radius", "out_of_range")]
    [InlineData("lng=116.4&lat=39.9&type=huge", "type", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&openNow=maybe", "openNow", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&accessible=perhaps", "accessible", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&at=tomorrow", "at", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&at=0001-01-01T00:00", "at", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&at=0001-01-01T00:00%2B14:00", "at", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&at=9999-12-31T23:59:59", "at", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&at=9999-12-31T23:59:59-14:00", "at", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&f=xml", "f", "invalid_parameter")]
    [InlineData("lng=116.4&lat=39.9&colour=red", "colour", "unknown_parameter")]
    public async Task Bad_parameters_get_400_naming_the_parameter(string query, string field, string code)
    {
        var response = await api.Anonymous().GetAsync("/api/v1/stations/nearest?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = (await response.JsonAsync()).GetProperty("codes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("code").GetString()));
        Assert.Contains((field, code), codes);
    }

    [Fact]
    public async Task Bbox_lists_only_public_stations_inside_the_box()
    {
        var body = await (await api.Anonymous().GetAsync("/api/v1/stations?bbox=116.38,39.90,116.42,39.92&pageSize=500")).JsonAsync();
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, s =>
        {
            var l = s.GetProperty("location");
            Assert.InRange(l.GetProperty("lng").GetDouble(), 116.38, 116.42);
            Assert.InRange(l.GetProperty("lat").GetDouble(), 39.90, 39.92);
            Assert.True(s.GetProperty("isPublic").GetBoolean());
        });
        var expected = api.Sample.Count(r => r.Public && r.Lng is >= 116.38 and <= 116.42 && r.Lat is >= 39.90 and <= 39.92);
        Assert.Equal(expected, body.GetProperty("total").GetInt32());
    }

    private static List<string?> Codes(JsonElement body) =>
        body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
}
