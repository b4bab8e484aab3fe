using System.Net;
using System.Text.Json;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Ogc.PublicStations;

namespace StationMap.IntegrationTests.Ogc;

/// <summary>The main checks of the OGC API – Features conformance suite, against the running service.</summary>
public class OgcFeaturesTests(OgcServerFixture api) : IClassFixture<OgcServerFixture>
{
    private const string Items = "/ogc/collections/stations/items";

    [Fact]
    public async Task Landing_page_links_self_service_desc_conformance_and_data_and_each_link_answers()
    {
        var client = api.Client();
        var landing = await (await client.GetAsync("/ogc")).JsonAsync();
        var links = landing.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);
        Assert.Equal($"{api.BaseUrl}/ogc", links["self"]);
        Assert.Equal($"{api.BaseUrl}/ogc/conformance", links["conformance"]);
        Assert.Equal($"{api.BaseUrl}/ogc/collections", links["data"]);
        foreach (var href in links.Values) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(href)).StatusCode);

        var openApi = await client.GetAsync(links["service-desc"]);
        Assert.Equal("application/vnd.oai.openapi+json", openApi.Content.Headers.ContentType!.MediaType);
        var doc = await openApi.JsonAsync();
        Assert.StartsWith("3.0", doc.GetProperty("openapi").GetString());
        Assert.True(doc.GetProperty("paths").TryGetProperty("/collections/{collectionId}/items", out _));
    }

    [Fact]
    public async Task Conformance_declares_core_geojson_oas30_and_part_2_crs()
    {
        var c = await (await api.Client().GetAsync("/ogc/conformance")).JsonAsync();
        var classes = c.GetProperty("conformsTo").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", classes);
    }

    [Fact]
    public async Task Stations_collection_has_its_extent_crs84_and_an_items_link()
    {
        var stored = await ReadAsync(api.DataSource);
        var all = await (await api.Client().GetAsync("/ogc/collections")).JsonAsync();
        var collections = all.GetProperty("collections").EnumerateArray().ToList();
        Assert.Equal(["stations", "districts"], collections.Select(e => e.GetProperty("id").GetString()));
        var c = collections[0];
        Assert.Equal("feature", c.GetProperty("itemType").GetString());
        Assert.Contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84", c.GetProperty("crs").EnumerateArray().Select(e => e.GetString()));
        var bbox = c.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(stored.Min(s => s.Lng), bbox[0], 6);
        Assert.Equal(stored.Max(s => s.Lat), bbox[3], 6);
        var items = c.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "items");
        Assert.Equal("application/geo+json", items.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.Client().GetAsync(items.GetProperty("href").GetString())).StatusCode);
    }

    [Fact]
    public async Task Next_links_walk_every_public_active_station_exactly_once()
    {
        var stored = await ReadAsync(api.DataSource);
        var client = api.Client();
        var seen = new List<string>();
        string? url = $"{Items}?limit=700&adcode=11";
        var pages = 0;
        while (url is not null)
        {
            var response = await client.GetAsync(url);
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", response.Headers.GetValues("Content-Crs").Single());
            var page = await response.JsonAsync();
            var features = page.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(stored.Count, page.GetProperty("numberMatched").GetInt32());
            Assert.Equal(features.Count, page.GetProperty("numberReturned").GetInt32());
            Assert.True(DateTimeOffset.TryParse(page.GetProperty("timeStamp").GetString(), out _));
            var links = page.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);
            Assert.Contains("adcode=11", links["self"]);
            Assert.Equal(pages > 0, links.ContainsKey("prev"));
            seen.AddRange(features.Select(f => f.GetProperty("id").GetString()!));
            url = links.GetValueOrDefault("next");
            pages++;
        }
        Assert.Equal((stored.Count + 699) / 700, pages);
        Assert.Equal(stored.Select(s => s.Code), seen);
    }

    [Fact]
    public async Task Bbox_includes_stations_on_its_edges_and_nothing_outside()
    {
        var stored = await ReadAsync(api.DataSource);
        var s = stored[stored.Count / 2];
        // The station is the box's south-west corner; another station lies exactly on its east edge.
        var east = stored.Where(o => o.Lng > s.Lng + 0.01 && o.Lng < s.Lng + 0.05).OrderBy(o => o.Lat).First(o => o.Lat > s.Lat);
        var (minLng, minLat, maxLng, maxLat) = (s.Lng, s.Lat, east.Lng, east.Lat + 0.02);
        var expected = stored.Where(o => o.Lng >= minLng && o.Lng <= maxLng && o.Lat >= minLat && o.Lat <= maxLat).Select(o => o.Code).ToList();

        var page = await (await api.Client().GetAsync($"{Items}?limit=10000&bbox={Num(minLng)},{Num(minLat)},{Num(maxLng)},{Num(maxLat)}")).JsonAsync();
        var codes = page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Contains(s.Code, codes);
        Assert.Contains(east.Code, codes);
        Assert.Equal(expected, codes!);

        // Just past the corner, it is out.
        var shifted = await (await api.Client().GetAsync($"{Items}?limit=10000&bbox={Num(minLng + 1e-9)},{Num(minLat)},{Num(maxLng)},{Num(maxLat)}")).JsonAsync();
        Assert.DoesNotContain(s.Code, shifted.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Bbox_in_gcj02_is_converted_at_the_edge_and_finds_the_station_an_amap_user_sees_there()
    {
        var stored = await ReadAsync(api.DataSource);
        var s = stored[10];
        var gcj = Coordinate.Wgs84(s.Lng, s.Lat).To(CoordSys.Gcj02);
        var box = $"{Num(gcj.Lng - 0.0003)},{Num(gcj.Lat - 0.0003)},{Num(gcj.Lng + 0.0003)},{Num(gcj.Lat + 0.0003)}";

        var inGcj = await (await api.Client().GetAsync($"{Items}?bbox={box}&bbox-crs=gcj02")).JsonAsync();
        var feature = inGcj.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == s.Code);
        // The answer is CRS84 (WGS-84) whatever the box was in.
        Assert.Equal(s.Lng, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 6);
        // The same numbers read as CRS84 lie a few hundred metres off: not there.
        var inWgs = await (await api.Client().GetAsync($"{Items}?bbox={box}")).JsonAsync();
        Assert.DoesNotContain(s.Code, inWgs.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("bbox=116,39,117", "bbox")]
    [InlineData("bbox=117,39,116,40", "bbox")]
    [InlineData("bbox=116,39,117,40,0,10", "bbox")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("datetime=yesterday", "datetime")]
    [InlineData("datetime=2026-12-02T00:00:00Z/2026-12-01T00:00:00Z", "datetime")]
    [InlineData("bbox=116,39,117,40&bbox-crs=EPSG:3857", "bbox-crs")]
    [InlineData("type=palace", "type")]
    [InlineData("services=teleport", "services")]
    [InlineData("colour=red", "colour")]
    public async Task Bad_items_parameter_answers_400_naming_it(string query, string parameter)
    {
        var response = await api.Client().GetAsync($"{Items}?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Unknown_collection_or_feature_answers_404_problem()
    {
        var client = api.Client();
        foreach (var url in new[] { "/ogc/collections/parks", "/ogc/collections/parks/items", "/ogc/collections/stations/items/NO-SUCH-CODE", "/ogc/collections/districts/items/999999" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Single_feature_by_code_has_public_fields_and_self_and_collection_links()
    {
        var s = (await ReadAsync(api.DataSource))[3];
        var response = await api.Client().GetAsync($"{Items}/{s.Code}");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var f = await response.JsonAsync();
        Assert.Equal("Feature", f.GetProperty("type").GetString());
        Assert.Equal(s.Code, f.GetProperty("id").GetString());
        Assert.Equal(s.Name, f.GetProperty("properties").GetProperty("name").GetString());
        Assert.False(f.GetProperty("properties").TryGetProperty("notes", out _));
        Assert.Equal(["self", "collection"], f.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()));
    }

    [Fact]
    public async Task Property_filters_narrow_to_matching_stations()
    {
        var stored = await ReadAsync(api.DataSource);
        var client = api.Client();
        async Task<List<JsonElement>> Get(string q) =>
            (await (await client.GetAsync($"{Items}?limit=10000&{q}")).JsonAsync()).GetProperty("features").EnumerateArray().ToList();

        var haidian = await Get("adcode=110108");
        Assert.Equal(stored.Count(s => s.Adcode == "110108"), haidian.Count);
        var micro = await Get("type=micro");
        Assert.Equal(stored.Count(s => s.Type == "micro"), micro.Count);
        var both = await Get("services=water,toilet");
        Assert.Equal(stored.Count(s => s.Services.Contains("water") && s.Services.Contains("toilet")), both.Count);
        Assert.NotEmpty(both);
        Assert.Empty(await Get("status=closed")); // anonymous readers see active stations only
    }
}
