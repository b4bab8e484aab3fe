using System.Net;
using System.Text.Json;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.IntegrationTests.Ogc;

namespace StationMap.IntegrationTests.Tiles;

/// <summary>District boundary tiles read back by GDAL's MVT driver; static-data caching headers.</summary>
public class DistrictTilesTests(OgcServerFixture api) : IClassFixture<OgcServerFixture>
{
    // Tiananmen, on the line between 东城区 and 西城区.
    private const double Lng = 116.3975, Lat = 39.9087;

    [Fact]
    public async Task Mvt_driver_finds_dongcheng_and_xicheng_polygons_with_their_adcodes_in_a_central_beijing_z10_tile()
    {
        const int z = 10;
        var (x, y) = TileOf(Lng, Lat, z);
        var geojson = await Gdal.ToGeoJsonAsync($"MVT:{api.BaseUrl}/tiles/districts/{z}/{x}/{y}.mvt", "-oo", $"X={x}", "-oo", $"Y={y}", "-oo", $"Z={z}");
        var features = geojson.GetProperty("features").EnumerateArray().ToList();
        var byCode = features.GroupBy(f => f.GetProperty("properties").GetProperty("adcode").GetString()!)
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal("东城区", Name(byCode["110101"][0]));
        Assert.Equal("西城区", Name(byCode["110102"][0]));
        Assert.All(features, f => Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" }));
        Assert.All(byCode.Keys, code => Assert.StartsWith("1101", code)); // a z10 tile around Tiananmen is all Beijing
        Assert.Equal(byCode.Count, features.Count); // one feature per district

        // 东城区's polygon lies east of 西城区's (the tile's projection and axis order are right).
        Assert.True(MeanLng(byCode["110101"][0]) > MeanLng(byCode["110102"][0]));
        Assert.InRange(MeanLat(byCode["110101"][0]), 39.8, 40.0);
    }

    [Fact]
    public async Task District_tiles_have_a_long_max_age_an_etag_and_answer_304()
    {
        using var client = api.Client();
        var (x, y) = TileOf(Lng, Lat, 8);
        var first = await client.GetAsync($"/tiles/districts/8/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromDays(1), first.Headers.CacheControl!.MaxAge);
        Assert.True(first.Headers.CacheControl.Public);
        Assert.NotEmpty(await first.Content.ReadAsByteArrayAsync());

        var again = new HttpRequestMessage(HttpMethod.Get, $"/tiles/districts/8/{x}/{y}.mvt");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        var ocean = await client.GetAsync("/tiles/districts/8/0/0.mvt"); // no district there: an empty tile
        Assert.Equal(HttpStatusCode.OK, ocean.StatusCode);
        Assert.Empty(await ocean.Content.ReadAsByteArrayAsync());

        var bad = await client.GetAsync("/tiles/districts/3/8/0.mvt");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"x\"", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tilejson_describes_the_districts_layer()
    {
        using var client = api.Client();
        var doc = await (await client.GetAsync("/tiles/districts.json")).JsonAsync();
        Assert.EndsWith("/tiles/districts/{z}/{x}/{y}.mvt", doc.GetProperty("tiles")[0].GetString());
        var layer = doc.GetProperty("vector_layers")[0];
        Assert.Equal("districts", layer.GetProperty("id").GetString());
        Assert.True(layer.GetProperty("fields").TryGetProperty("adcode", out _));
    }

    [Fact]
    public async Task Low_zoom_tiles_are_simplified_so_a_national_tile_stays_small()
    {
        using var client = api.Client();
        var (x, y) = TileOf(Lng, Lat, 4);
        var bytes = await (await client.GetAsync($"/tiles/districts/4/{x}/{y}.mvt")).Content.ReadAsByteArrayAsync();
        Assert.NotEmpty(bytes);
        Assert.True(bytes.Length < 500_000, $"z4 tile is {bytes.Length} bytes");
    }

    private static string? Name(JsonElement f) => f.GetProperty("properties").GetProperty("name").GetString();

    private static IEnumerable<JsonElement> Points(JsonElement geometry)
    {
        var c = geometry.GetProperty("coordinates");
        IEnumerable<JsonElement> Walk(JsonElement e) =>
            e[0].ValueKind == JsonValueKind.Number ? [e] : e.EnumerateArray().SelectMany(Walk);
        return Walk(c);
    }

    private static double MeanLng(JsonElement f) => Points(f.GetProperty("geometry")).Average(p => p[0].GetDouble());

    private static double MeanLat(JsonElement f) => Points(f.GetProperty("geometry")).Average(p => p[1].GetDouble());

    private static (int, int) TileOf(double lng, double lat, int z)
    {
        var n = 1 << z;
        var rad = lat * Math.PI / 180;
        return ((int)Math.Floor((lng + 180) / 360 * n), (int)Math.Floor((1 - Math.Asinh(Math.Tan(rad)) / Math.PI) / 2 * n));
    }
}
