using System.Net;
using System.Text.Json;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Coverage;

/// <summary>Gap cells as vector tiles, decoded by GDAL's MVT driver and checked cell by cell against the GeoJSON endpoint.</summary>
public class CoverageTilesTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    // A z12 tile (about 7.5 × 7.5 km) of 海淀区 from the western hills (gaps) towards 中关村 (covered twice), 200 m cells.
    private const int Z = 12;
    private const double Lng = 116.25, Lat = 40.00;
    private const string Query = "cell=200&radius=1000";

    [Fact]
    public async Task A_decoded_tile_holds_the_geojson_cells_of_its_area_with_the_same_counts()
    {
        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        var (x, y) = TileOf(Lng, Lat, Z);
        var (west, south, east, north) = Bounds(x, y, Z);
        // Cells whose centre is 250 m inside the tile are whole in it (a vertex is 200 m from the centre); nearer the edge they are cut.
        var (dLng, dLat) = (250 / (111_320 * Math.Cos(Lat * Math.PI / 180)), 250 / 110_574.0);
        bool Inner((double Lng, double Lat) c) => c.Lng > west + dLng && c.Lng < east - dLng && c.Lat > south + dLat && c.Lat < north - dLat;

        foreach (var max in new[] { 1000, 1 })
        {
            var geojson = await (await admin.GetAsync($"/api/v1/coverage/cells?adcode=110108&{Query}&max={max}")).JsonAsync();
            var expected = geojson.GetProperty("features").EnumerateArray()
                .Select(f => (Centre: Centre(f), Count: f.GetProperty("properties").GetProperty("count").GetInt32())).Where(c => Inner(c.Centre)).ToList();

            var tile = await admin.GetAsync($"/tiles/coverage/110108/{Z}/{x}/{y}.mvt?{Query}&max={max}");
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
            Assert.Equal("application/vnd.mapbox-vector-tile", tile.Content.Headers.ContentType!.MediaType);
            var decoded = await DecodeAsync(await tile.Content.ReadAsByteArrayAsync(), x, y);
            var features = decoded.GetProperty("features").EnumerateArray().ToList();
            Assert.All(features, f => Assert.Equal("110108", f.GetProperty("properties").GetProperty("adcode").GetString()));
            var got = features.Select(f => (Centre: Centre(f), Count: f.GetProperty("properties").GetProperty("count").GetInt32())).Where(c => Inner(c.Centre)).ToList();

            Assert.True(expected.Count > (max == 1000 ? 200 : 20), $"only {expected.Count} cells with count ≤ {max} inside the tile");
            Assert.Equal(expected.Count, got.Count);
            foreach (var cell in expected)
            {
                var match = got.MinBy(g => Metres(g.Centre, cell.Centre));
                Assert.True(Metres(match.Centre, cell.Centre) < 10, $"no tile cell near {cell.Centre}");
                Assert.Equal(cell.Count, match.Count);
            }
            Assert.All(got, g => Assert.InRange(g.Count, 0, max));
            Assert.True(got.Select(g => g.Count).Distinct().Count() >= (max == 1000 ? 3 : 2), "the tile has cells of several counts");
        }
    }

    [Fact]
    public async Task Coverage_tiles_need_a_key_in_scope_like_the_cells_and_name_bad_parameters()
    {
        var (x, y) = TileOf(Lng, Lat, Z);
        var path = $"/tiles/coverage/110108/{Z}/{x}/{y}.mvt?{Query}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync($"/api/v1/coverage/cells?adcode=110108&{Query}")).StatusCode);
        var haidian = await api.StaffAsync(StaffRole.Viewer, "110108");
        Assert.Equal(HttpStatusCode.OK, (await haidian.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await haidian.GetAsync(path.Replace("110108", "110101"))).StatusCode);

        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        var first = await admin.GetAsync(path);
        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await admin.SendAsync(again)).StatusCode);

        foreach (var (bad, field) in new[] { ($"/tiles/coverage/110108/9/{x >> 3}/{y >> 3}.mvt", "z"), ($"/tiles/coverage/110108/{Z}/{x}/{y}.mvt?radius=5", "radius"),
                     ($"/tiles/coverage/110108/{Z}/{x}/{y}.mvt?max=-1", "max"), ($"/tiles/coverage/11010/{Z}/{x}/{y}.mvt", "adcode") })
        {
            var response = await admin.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), bad);
        }
    }

    [Fact]
    public async Task A_coverage_tile_follows_a_station_taken_off_the_map()
    {
        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        var (x, y) = TileOf(Lng, Lat, Z);
        var url = $"/tiles/coverage/110108/{Z}/{x}/{y}.mvt?{Query}&max=1000";
        var first = await admin.GetAsync(url);
        var before = first.Headers.ETag!.Tag;
        var beforeCells = await DecodeAsync(await first.Content.ReadAsByteArrayAsync(), x, y);
        Assert.Equal(before, (await admin.GetAsync(url)).Headers.ETag!.Tag); // served again, unchanged

        var (west, south, east, north) = Bounds(x, y, Z);
        await using var find = api.DataSource.CreateCommand(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""
            SELECT code FROM stations WHERE {StationMap.Nearby.NearbyStationReader.ServedCondition}
              AND ST_Intersects(location::geometry, ST_MakeEnvelope({west}, {south}, {east}, {north}, 4326)) ORDER BY code LIMIT 1
            """));
        var code = (string)(await find.ExecuteScalarAsync())!;
        await SetPublicAsync(code, false);
        var hidden = before;
        try
        {
            // The change reaches the server as a notification: wait for it, bounded.
            var after = await TileOnceChangedFromAsync(before);
            hidden = after.Headers.ETag!.Tag;
            Assert.NotEqual(before, hidden);
            var afterCells = await DecodeAsync(await after.Content.ReadAsByteArrayAsync(), x, y);
            Assert.True(CountSum(afterCells) < CountSum(beforeCells), $"{code} no longer covers its cells");
        }
        finally
        {
            // Back on the map, and served so, before the class's other tests ask for this same tile.
            await SetPublicAsync(code, true);
            await TileOnceChangedFromAsync(hidden);
        }

        async Task<HttpResponseMessage> TileOnceChangedFromAsync(string etag)
        {
            HttpResponseMessage tile;
            var polls = 0;
            do
            {
                tile = await admin.GetAsync(url);
                if (tile.Headers.ETag!.Tag != etag) break;
                await Task.Delay(100);
            } while (++polls < 200);
            return tile;
        }

        static long CountSum(JsonElement cells) =>
            cells.GetProperty("features").EnumerateArray().Sum(f => (long)f.GetProperty("properties").GetProperty("count").GetInt32());
    }

    private async Task SetPublicAsync(string code, bool isPublic)
    {
        await using var cmd = api.DataSource.CreateCommand($"UPDATE stations SET is_public = {isPublic} WHERE code = $1");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = code });
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Tilejson_points_at_the_region_tiles_with_their_parameters()
    {
        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        var doc = await (await admin.GetAsync("/tiles/coverage/110108.json?radius=800&cell=150&max=0")).JsonAsync();
        Assert.EndsWith("/tiles/coverage/110108/{z}/{x}/{y}.mvt?radius=800&cell=150&max=0", doc.GetProperty("tiles")[0].GetString());
        Assert.Equal(10, doc.GetProperty("minzoom").GetInt32());
        var bounds = doc.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.InRange(bounds[0], 116.0, 116.4); // 海淀区
        Assert.InRange(bounds[3], 40.0, 40.3);
        Assert.Equal("coverage", doc.GetProperty("vector_layers")[0].GetProperty("id").GetString());
    }

    /// <summary>GDAL's MVT driver reads a single tile file placed by -oo X/Y/Z; features come back in WGS-84.</summary>
    private static async Task<JsonElement> DecodeAsync(byte[] bytes, int x, int y)
    {
        if (bytes.Length == 0) return JsonDocument.Parse("""{"features":[]}""").RootElement; // nothing in the tile
        var file = Path.Combine(Path.GetTempPath(), $"stationmap-coverage-{Guid.NewGuid():N}.mvt");
        await File.WriteAllBytesAsync(file, bytes);
        try { return await Gdal.ToGeoJsonAsync($"MVT:{file}", "-oo", $"X={x}", "-oo", $"Y={y}", "-oo", $"Z={Z}"); }
        finally { File.Delete(file); }
    }

    /// <summary>The mean of a polygon's distinct vertices: a whole hexagon's centre.</summary>
    private static (double Lng, double Lat) Centre(JsonElement feature)
    {
        var geometry = feature.GetProperty("geometry");
        var ring = geometry.GetProperty("type").GetString() == "MultiPolygon" ? geometry.GetProperty("coordinates")[0][0] : geometry.GetProperty("coordinates")[0];
        var points = ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
        if (points.Count > 1 && points[0] == points[^1]) points.RemoveAt(points.Count - 1);
        return (points.Average(p => p.Item1), points.Average(p => p.Item2));
    }

    private static double Metres((double Lng, double Lat) a, (double Lng, double Lat) b)
    {
        double dx = (a.Lng - b.Lng) * 111_320 * Math.Cos(a.Lat * Math.PI / 180), dy = (a.Lat - b.Lat) * 110_574;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    private static (int, int) TileOf(double lng, double lat, int z)
    {
        var n = 1 << z;
        var rad = lat * Math.PI / 180;
        return ((int)Math.Floor((lng + 180) / 360 * n), (int)Math.Floor((1 - Math.Asinh(Math.Tan(rad)) / Math.PI) / 2 * n));
    }

    private static (double West, double South, double East, double North) Bounds(int x, int y, int z)
    {
        var n = (double)(1 << z);
        double Lat(double row) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * row / n))) * 180 / Math.PI;
        return (x / n * 360 - 180, Lat(y + 1), (x + 1) / n * 360 - 180, Lat(y));
    }
}
