using System.Net;
using System.Text.Json;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.IntegrationTests.Ogc;

namespace StationMap.IntegrationTests.Tiles;

/// <summary>Vector tiles read back by GDAL's MVT driver; caching headers and invalidation by station changes.</summary>
public class StationTilesTests(OgcServerFixture api) : IClassFixture<OgcServerFixture>
{
    // Central Beijing around Tiananmen.
    private const double Lng = 116.3975, Lat = 39.9087;

    [Fact]
    public async Task Mvt_driver_finds_every_public_station_of_a_central_beijing_tile()
    {
        const int z = 13;
        var (x, y) = TileOf(Lng, Lat, z);
        var stored = await PublicStations.ReadAsync(api.DataSource);
        var inside = stored.Where(s => TileOf(s.Lng, s.Lat, z) == (x, y)).Select(s => s.Code).ToHashSet();
        Assert.NotEmpty(inside);

        var features = await ReadTileAsync(z, x, y);
        var codes = features.Select(f => f.GetProperty("properties").GetProperty("code").GetString()!).ToList();
        Assert.Superset(inside, codes.ToHashSet());
        // The rest are public stations in the tile's buffer (drawn across the edge), never hidden ones.
        var near = stored.Where(s => InBuffer(s.Lng, s.Lat, z, x, y)).Select(s => s.Code).ToHashSet();
        Assert.Subset(near, codes.ToHashSet());
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var one = features.First(f => f.GetProperty("properties").GetProperty("code").GetString() == inside.First());
        var s0 = stored.Single(s => s.Code == inside.First());
        Assert.Equal(s0.Type, one.GetProperty("properties").GetProperty("type").GetString());
        Assert.Equal(s0.Lng, one.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 4); // 4096 units per tile ≈ 5 m
    }

    [Fact]
    public async Task Low_zoom_tile_counts_stations_in_cells_instead_of_drawing_points()
    {
        const int z = 5;
        var (x, y) = TileOf(Lng, Lat, z);
        var stored = await PublicStations.ReadAsync(api.DataSource);
        var expected = stored.Count(s => TileOf(s.Lng, s.Lat, z) == (x, y));

        var cells = await ReadTileAsync(z, x, y);
        Assert.InRange(cells.Count, 2, 16 * 16);
        Assert.Equal(expected, cells.Sum(c => c.GetProperty("properties").GetProperty("count").GetInt32()));
        Assert.All(cells, c => Assert.False(c.GetProperty("properties").TryGetProperty("code", out _)));
    }

    [Fact]
    public async Task Tile_has_etag_and_cache_control_and_answers_304_when_unchanged()
    {
        var client = api.Client();
        var (x, y) = TileOf(Lng, Lat, 12);
        var first = await client.GetAsync($"/tiles/stations/12/{x}/{y}.mvt");
        Assert.Equal("application/vnd.mapbox-vector-tile", first.Content.Headers.ContentType!.MediaType);
        Assert.Contains("max-age", first.Headers.CacheControl!.ToString());
        var etag = first.Headers.ETag!;

        var again = new HttpRequestMessage(HttpMethod.Get, $"/tiles/stations/12/{x}/{y}.mvt");
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Hiding_a_station_changes_its_tile_and_removes_it_from_the_tile()
    {
        const int z = 14;
        var stored = await PublicStations.ReadAsync(api.DataSource);
        var s = stored.First(s => s.Adcode == "110101");
        var (x, y) = TileOf(s.Lng, s.Lat, z);
        var url = $"/tiles/stations/{z}/{x}/{y}.mvt";
        var client = api.Client();
        var before = (await client.GetAsync(url)).Headers.ETag!.Tag;
        Assert.Equal(before, (await client.GetAsync(url)).Headers.ETag!.Tag); // served again, unchanged

        await api.ExecuteAsync($"UPDATE stations SET is_public = false WHERE code = '{s.Code}'");
        // The change reaches the server as a notification: wait for it, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? after;
        do
        {
            after = (await client.GetAsync(url)).Headers.ETag!.Tag;
            if (after != before) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        Assert.NotEqual(before, after);
        var codes = (await ReadTileAsync(z, x, y)).Select(f => f.GetProperty("properties").GetProperty("code").GetString());
        Assert.DoesNotContain(s.Code, codes);
    }

    [Fact]
    public async Task Publication_state_shows_as_online_providers_on_the_points()
    {
        const int z = 15;
        var s = (await PublicStations.ReadAsync(api.DataSource)).First(s => s.Adcode == "110102");
        await api.ExecuteAsync($"""
            INSERT INTO publication_records (station_id, station_code, provider, state, updated_at, updated_by)
            SELECT id, code, p, 'online', now(), 'test' FROM stations, unnest(ARRAY['amap', 'baidu']) p WHERE code = '{s.Code}'
            """);
        var (x, y) = TileOf(s.Lng, s.Lat, z);
        var feature = (await ReadTileAsync(z, x, y)).Single(f => f.GetProperty("properties").GetProperty("code").GetString() == s.Code);
        Assert.Equal("amap,baidu", feature.GetProperty("properties").GetProperty("online").GetString());
    }

    [Theory]
    [InlineData("23/0/0", "z")]
    [InlineData("4/16/0", "x")]
    [InlineData("4/0/-1", "y")]
    [InlineData("a/0/0", "z")]
    public async Task Tile_outside_the_grid_answers_400_naming_the_coordinate(string zxy, string parameter)
    {
        var response = await api.Client().GetAsync($"/tiles/stations/{zxy}.mvt");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task TileJson_describes_the_tile_url_and_the_stations_layer()
    {
        var doc = await (await api.Client().GetAsync("/tiles/stations.json")).JsonAsync();
        Assert.Equal($"{api.BaseUrl}/tiles/stations/{{z}}/{{x}}/{{y}}.mvt", doc.GetProperty("tiles")[0].GetString());
        Assert.Equal("stations", doc.GetProperty("vector_layers")[0].GetProperty("id").GetString());
    }

    private async Task<List<JsonElement>> ReadTileAsync(int z, int x, int y)
    {
        var source = $"MVT:{api.BaseUrl}/tiles/stations/{z}/{x}/{y}.mvt";
        var geojson = await Gdal.ToGeoJsonAsync(source, "-oo", $"X={x}", "-oo", $"Y={y}", "-oo", $"Z={z}");
        return geojson.GetProperty("features").EnumerateArray().ToList();
    }

    private static (double X, double Y) Fraction(double lng, double lat, int z)
    {
        var n = 1 << z;
        var rad = lat * Math.PI / 180;
        return ((lng + 180) / 360 * n, (1 - Math.Asinh(Math.Tan(rad)) / Math.PI) / 2 * n);
    }

    private static (int, int) TileOf(double lng, double lat, int z)
    {
        var (fx, fy) = Fraction(lng, lat, z);
        return ((int)Math.Floor(fx), (int)Math.Floor(fy));
    }

    private static bool InBuffer(double lng, double lat, int z, int x, int y)
    {
        var (fx, fy) = Fraction(lng, lat, z);
        const double b = 64 / 4096.0 + 1e-6;
        return fx >= x - b && fx <= x + 1 + b && fy >= y - b && fy <= y + 1 + b;
    }
}
