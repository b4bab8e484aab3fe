using System.Net;
using System.Net.Http.Headers;
using System.Text;
using StationMap.Auth;
using StationMap.Coverage;
using StationMap.Geo;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Coverage;

/// <summary>The coverage endpoints over the Beijing sample in a real PostGIS.</summary>
public class CoverageApiTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    [Fact]
    public async Task Haidian_staff_get_their_district_figures_and_they_match_a_direct_count()
    {
        var haidian = await api.StaffAsync(StaffRole.Viewer, "110108");
        var response = await haidian.GetAsync("/api/v1/coverage?adcode=110108&radius=1000&cell=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        var district = json.GetProperty("districts")[0];
        Assert.Equal("海淀区", district.GetProperty("name").GetString());
        var covered1 = district.GetProperty("covered1").GetDouble();
        var covered2 = district.GetProperty("covered2").GetDouble();
        Assert.InRange(covered2, 0.01, covered1);
        Assert.InRange(district.GetProperty("area").GetDouble() / 1e6, 420, 440); // 海淀区 is about 431 km²
        Assert.NotEmpty(district.GetProperty("critical").EnumerateArray());
    }

    [Fact]
    public async Task Haidian_staff_cannot_analyse_all_of_beijing_but_city_admins_can()
    {
        var haidian = await api.StaffAsync(StaffRole.Viewer, "110108");
        var denied = await haidian.GetAsync("/api/v1/coverage?adcode=110000&cell=500");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("110108", (await denied.JsonAsync()).GetProperty("detail").GetString());

        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        var json = await (await admin.GetAsync("/api/v1/coverage?adcode=110000&cell=500")).JsonAsync();
        Assert.Equal(16, json.GetProperty("districts").GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/v1/coverage?adcode=110108")).StatusCode);
    }

    [Theory]
    [InlineData("adcode=11010", "adcode")]
    [InlineData("adcode=110108&radius=50", "radius")]
    [InlineData("adcode=110108&cell=abc", "cell")]
    [InlineData("adcode=110108&outCoordsys=mars", "outCoordsys")]
    [InlineData("adcode=110000&cell=25", "cell")]
    [InlineData("adcode=110108&critical=2.5", "critical")]
    [InlineData("adcode=110108&coordsys=", "coordsys")]
    public async Task Bad_parameters_are_named_in_problem_details(string query, string field)
    {
        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        var response = await admin.GetAsync("/api/v1/coverage?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Gap_cells_come_as_geojson_in_the_requested_coordinate_system()
    {
        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        var wgs = await (await admin.GetAsync("/api/v1/coverage/cells?adcode=110101&cell=200&max=0")).JsonAsync();
        var gcj = await (await admin.GetAsync("/api/v1/coverage/cells?adcode=110101&cell=200&max=0&outCoordsys=gcj02")).JsonAsync();
        Assert.Equal("gcj02", gcj.GetProperty("coordsys").GetString());
        var a = wgs.GetProperty("features")[0];
        Assert.Equal(0, a.GetProperty("properties").GetProperty("count").GetInt32());
        var p = a.GetProperty("geometry").GetProperty("coordinates")[0][0];
        var q = gcj.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0];
        var expected = Coordinate.Wgs84(p[0].GetDouble(), p[1].GetDouble()).To(CoordSys.Gcj02);
        Assert.Equal(expected.Lng, q[0].GetDouble(), 5);
        Assert.Equal(expected.Lat, q[1].GetDouble(), 5);
    }

    [Fact]
    public async Task What_if_closing_a_station_changes_the_figures_but_writes_nothing()
    {
        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        var before = await (await admin.GetAsync("/api/v1/coverage?adcode=110101&cell=200")).JsonAsync();
        var critical = before.GetProperty("region").GetProperty("critical")[0];
        long stationsBefore;
        await using (var c = api.DataSource.CreateCommand("SELECT count(*) FROM stations WHERE status = 'active'")) stationsBefore = (long)(await c.ExecuteScalarAsync())!;

        var body = new { adcode = "110101", cell = 200, closed = new[] { critical.GetProperty("id").GetInt64() }, added = new[] { new { lng = 116.42, lat = 39.93, label = "假设" } } };
        var whatIf = await (await admin.PostJsonAsync("/api/v1/coverage", body)).JsonAsync();
        Assert.True(whatIf.GetProperty("changedCells").GetInt32() > 0);
        Assert.NotEqual(before.GetProperty("region").GetProperty("covered2").GetDouble(), whatIf.GetProperty("region").GetProperty("covered2").GetDouble());

        var after = await (await admin.GetAsync("/api/v1/coverage?adcode=110101&cell=200")).JsonAsync();
        Assert.Equal(before.GetProperty("region").GetProperty("covered2").GetDouble(), after.GetProperty("region").GetProperty("covered2").GetDouble());
        await using (var c = api.DataSource.CreateCommand("SELECT count(*) FROM stations WHERE status = 'active'")) Assert.Equal(stationsBefore, (long)(await c.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Stored_coverage_follows_a_real_station_write_incrementally()
    {
        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        const string url = "/api/v1/coverage?adcode=110119&cell=300";
        var before = (await (await admin.GetAsync(url)).JsonAsync()).GetProperty("region").GetProperty("covered1").GetDouble();
        var station = SampleInputs.Haidian("BJ-COVER-YQ") with { Adcode = "110119", Address = "北京市延庆区某镇1号", Lng = 116.05, Lat = 40.60 };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/v1/stations", station)).StatusCode);
        var after = (await (await admin.GetAsync(url)).JsonAsync()).GetProperty("region").GetProperty("covered1").GetDouble();
        Assert.True(after > before, $"{after} > {before}");

        var service = (CoverageService)api.Factory.Services.GetService(typeof(CoverageService))!;
        var fresh = new CoverageService(api.DataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<CoverageService>.Instance);
        var stored = await service.AnalyzeAsync("110119", 1000, 300, WhatIfChanges.None, 0, default);
        var full = await fresh.AnalyzeAsync("110119", 1000, 300, WhatIfChanges.None, 0, default);
        Assert.Equal(full.Details[0].Counts, stored.Details[0].Counts);
    }

    [Fact]
    public async Task Uploaded_demand_points_each_get_their_count()
    {
        var admin = await api.StaffAsync(StaffRole.Viewer, "110108");
        var csv = "lng,lat,coordsys,weight,label\n116.3100,39.9800,wgs84,3,中关村\n116.3162,39.9813,gcj02,1,同一处(GCJ)\n115.50,40.90,wgs84,2,山里\n";
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "points.csv" } };
        var json = await (await admin.PostAsync("/api/v1/coverage/points?radius=1000", form)).JsonAsync();
        var points = json.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(3, points.Count);
        Assert.Equal("中关村", points[0].GetProperty("label").GetString());
        Assert.Equal(0, points[2].GetProperty("count").GetInt32());
        Assert.InRange(Math.Abs(points[0].GetProperty("count").GetInt32() - points[1].GetProperty("count").GetInt32()), 0, 1);

        // A radius that is not a number is named, not replaced by the default.
        var notANumber = await admin.PostAsync("/api/v1/coverage/points?radius=1km",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "points.csv" } });
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.True((await notANumber.JsonAsync()).GetProperty("errors").TryGetProperty("radius", out _));

        var bad = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("lng,lat\n116.3,abc\n")), "file", "bad.csv" } };
        var problem = await admin.PostAsync("/api/v1/coverage/points", bad);
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Contains("row 2", (await problem.JsonAsync()).GetProperty("detail").GetString());

        // A body that claims to be multipart but has no boundary (the fuzz suite found it answered 500).
        var broken = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"lng\":116.3}"));
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        var unreadable = await admin.PostAsync("/api/v1/coverage/points", broken);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.True((await unreadable.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));

        // Spreadsheets pass the import's guards: a megabyte shared string behind 300 cells is refused, not read.
        var hostile = new MultipartFormDataContent { { new ByteArrayContent(Import.HostileFiles.OneHugeSharedString()), "file", "points.xlsx" } };
        var refused = await admin.PostAsync("/api/v1/coverage/points", hostile);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("2000", (await refused.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());

        // A damaged sheet (a shared-string cell whose index is not a number) is the file's problem: 400, not 500.
        var damaged = Import.HostileFiles.Xlsx(
            w => w.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>lng</t></is></c><c r="B1" t="inlineStr"><is><t>lat</t></is></c></row><row r="2"><c r="A2" t="s"><v>x</v></c></row>"""),
            w => w.Write("<si><t>a</t></si>"));
        var unreadableSheet = await admin.PostAsync("/api/v1/coverage/points",
            new MultipartFormDataContent { { new ByteArrayContent(damaged), "file", "points.xlsx" } });
        Assert.Equal(HttpStatusCode.BadRequest, unreadableSheet.StatusCode);
        Assert.True((await unreadableSheet.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Siting_ranks_sites_with_falling_gains_and_a_rising_curve()
    {
        var admin = await api.StaffAsync(StaffRole.Viewer, "110108");
        var json = await (await admin.PostJsonAsync("/api/v1/coverage/siting", new { adcode = "110108", cell = 200, k = 5, outCoordsys = "gcj02" })).JsonAsync();
        var picks = json.GetProperty("picks").EnumerateArray().ToList();
        Assert.Equal(5, picks.Count);
        var gains = picks.Select(p => p.GetProperty("gain").GetDouble()).ToList();
        Assert.Equal(gains.OrderByDescending(g => g), gains);
        var curve = json.GetProperty("curve").EnumerateArray().Select(c => c.GetProperty("covered2").GetDouble()).ToList();
        Assert.Equal(6, curve.Count);
        Assert.True(curve[^1] > curve[0]);

        var partners = new { adcode = "110108", cell = 200, k = 1, candidates = new[] { new { lng = 116.25, lat = 40.05, label = "邮政所" }, new { lng = 116.26, lat = 40.06, label = "银行网点" } } };
        var chosen = await (await admin.PostJsonAsync("/api/v1/coverage/siting", partners)).JsonAsync();
        Assert.Contains(chosen.GetProperty("picks")[0].GetProperty("label").GetString(), new[] { "邮政所", "银行网点" });
    }

    [Fact]
    public async Task The_report_workbook_has_a_sheet_per_district()
    {
        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        var response = await admin.GetAsync("/api/v1/coverage?adcode=110000&cell=1000&format=XLSX"); // any case, like every word parameter
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var sheets = Workbooks.SheetNames(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(17, sheets.Count);
        Assert.Contains("110108 海淀区", sheets);
    }

    [Fact]
    public async Task An_uploaded_polygon_is_analysed_in_its_own_coordinate_system_and_not_stored()
    {
        var haidian = await api.StaffAsync(StaffRole.Viewer, "110108");
        // A 0.047° square around 中关村 (4.0 km east–west, 5.2 km north–south), written in GCJ-02 as a map would give it.
        double[][] Square(double lng, double lat, double d) => [[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]];
        var ring = Square(116.3162, 39.9834, 0.0235).Select(p => Coordinate.Wgs84(p[0], p[1]).To(CoordSys.Gcj02)).Select(c => new[] { c.Lng, c.Lat }).ToArray();
        var body = new { region = new { type = "Polygon", coordinates = new[] { ring } }, regionName = "中关村方块", coordsys = "gcj02", cell = 100 };
        var response = await haidian.PostJsonAsync("/api/v1/coverage", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var region = (await response.JsonAsync()).GetProperty("region");
        Assert.Equal("中关村方块", region.GetProperty("name").GetString());
        Assert.InRange(region.GetProperty("area").GetDouble() / 1e6, 20.5, 21.4); // (0.047° × 85.3 km) × (0.047° × 111.0 km) ≈ 20.9 km²
        Assert.True(region.GetProperty("covered1").GetDouble() > 0.5);

        var bad = await haidian.PostJsonAsync("/api/v1/coverage", new { region = new { type = "Point", coordinates = new[] { 116.3, 39.9 } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("region", out _));
    }

    [Fact]
    public async Task A_kml_polygon_gives_the_same_figures_as_the_equivalent_geojson_region()
    {
        var haidian = await api.StaffAsync(StaffRole.Viewer, "110108");
        // Central Beijing around 中关村, written in GCJ-02 as Chinese map tools export KML; one hole to check inner rings.
        var outer = Ring(116.3162, 39.9834, 0.0235);
        var hole = Ring(116.3162, 39.9834, 0.005).Reverse().ToArray();
        var kml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>文档</name>
              <Placemark><name>中关村 KML</name><Polygon>
                <outerBoundaryIs><LinearRing><coordinates>{Kml(outer)}</coordinates></LinearRing></outerBoundaryIs>
                <innerBoundaryIs><LinearRing><coordinates>{Kml(hole)}</coordinates></LinearRing></innerBoundaryIs>
              </Polygon></Placemark>
            </Document></kml>
            """;
        var fromKml = await haidian.PostJsonAsync("/api/v1/coverage", new { regionKml = kml, regionFile = "zgc.kml", coordsys = "gcj02", cell = 100 });
        Assert.Equal(HttpStatusCode.OK, fromKml.StatusCode);
        var kmlRegion = (await fromKml.JsonAsync()).GetProperty("region");
        var geojson = new { type = "Polygon", coordinates = new[] { outer, hole } };
        var fromGeoJson = await haidian.PostJsonAsync("/api/v1/coverage", new { region = geojson, coordsys = "gcj02", cell = 100 });
        var geoRegion = (await fromGeoJson.JsonAsync()).GetProperty("region");
        Assert.Equal("中关村 KML", kmlRegion.GetProperty("name").GetString());
        foreach (var figure in new[] { "area", "covered1", "covered2" })
            Assert.Equal(geoRegion.GetProperty(figure).GetDouble(), kmlRegion.GetProperty(figure).GetDouble());
        Assert.InRange(kmlRegion.GetProperty("area").GetDouble() / 1e6, 19.5, 21.0); // 20.9 km² less the 0.9 km² hole

        var cells = await haidian.PostJsonAsync("/api/v1/coverage/cells", new { regionKml = kml, coordsys = "gcj02", cell = 100, max = 1 });
        Assert.Equal(HttpStatusCode.OK, cells.StatusCode);
    }

    [Fact]
    public async Task A_kml_with_an_external_entity_is_refused_naming_the_file()
    {
        var haidian = await api.StaffAsync(StaffRole.Viewer, "110108");
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&xxe;</name><Polygon><outerBoundaryIs><LinearRing>
              <coordinates>116.30,39.97 116.33,39.97 116.33,40.00 116.30,39.97</coordinates>
            </LinearRing></outerBoundaryIs></Polygon></Placemark></kml>
            """;
        var response = await haidian.PostJsonAsync("/api/v1/coverage", new { regionKml = xxe, regionFile = "evil.kml" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", text);
        var error = (await response.JsonAsync()).GetProperty("errors").GetProperty("regionKml")[0].GetString()!;
        Assert.Contains("evil.kml", error);
        Assert.Contains("DTD", error);

        var noPolygon = await haidian.PostJsonAsync("/api/v1/coverage", new { regionKml = "<kml><Placemark><Point><coordinates>116.3,39.9</coordinates></Point></Placemark></kml>", regionFile = "point.kml" });
        Assert.Equal(HttpStatusCode.BadRequest, noPolygon.StatusCode);
        Assert.Contains("point.kml", (await noPolygon.JsonAsync()).GetProperty("errors").GetProperty("regionKml")[0].GetString());
    }

    private static double[][] Ring(double lng, double lat, double d) =>
        [.. new[] { (lng - d, lat - d), (lng + d, lat - d), (lng + d, lat + d), (lng - d, lat + d), (lng - d, lat - d) }
            .Select(p => Coordinate.Wgs84(p.Item1, p.Item2).To(CoordSys.Gcj02)).Select(c => new[] { c.Lng, c.Lat })];

    private static string Kml(double[][] ring) =>
        string.Join(" ", ring.Select(p => FormattableString.Invariant($"{p[0]:R},{p[1]:R},0")));

    [Fact]
    public async Task A_weight_layer_weighs_cells_by_overlap_and_its_shares_follow_the_weights()
    {
        var haidian = await api.StaffAsync(StaffRole.Viewer, "110108");
        double[][] Box(double w, double s, double e, double n) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
        object Feature(double[][] ring, object weight) => new { type = "Feature", properties = new { weight }, geometry = new { type = "Polygon", coordinates = new[] { ring } } };
        var region = new { type = "Polygon", coordinates = new[] { Box(116.20, 39.97, 116.30, 40.03) } }; // from the hills (gaps) to 中关村 (covered)
        async Task<System.Text.Json.JsonElement> Run(object? weights) => (await (await haidian.PostJsonAsync("/api/v1/coverage",
            new { region, regionName = "square", coordsys = "wgs84", cell = 100, weights })).JsonAsync()).GetProperty("region");

        var plain = await Run(null);
        Assert.False(plain.GetProperty("weighted").GetBoolean());
        var areaKm2 = plain.GetProperty("area").GetDouble() / 1e6;

        // 1,000 workers/km² over the west half, the less covered one (the layer reaches past the region: only the part inside counts), 10 over all.
        var layer = new { type = "FeatureCollection", features = new[] { Feature(Box(116.19, 39.96, 116.25, 40.04), 1000), Feature(Box(116.2, 39.9, 116.4, 40.1), 10) } };
        var weighted = await Run(layer);
        Assert.True(weighted.GetProperty("weighted").GetBoolean());
        Assert.Equal(plain.GetProperty("area").GetDouble(), weighted.GetProperty("area").GetDouble());
        Assert.Equal(plain.GetProperty("gap0").GetProperty("area").GetDouble(), weighted.GetProperty("gap0").GetProperty("area").GetDouble());
        Assert.True(weighted.GetProperty("gap0").GetProperty("weight").GetDouble() > 0);
        Assert.InRange(weighted.GetProperty("weight").GetDouble() / (1000 * areaKm2 / 2 + 10 * areaKm2), 0.995, 1.005);
        Assert.True(weighted.GetProperty("covered1").GetDouble() < plain.GetProperty("covered1").GetDouble() - 0.01);

        // A uniform layer gives the area-weighted shares back.
        var uniform = await Run(new { type = "FeatureCollection", features = new[] { Feature(Box(116.2, 39.9, 116.4, 40.1), 7) } });
        Assert.Equal(plain.GetProperty("covered1").GetDouble(), uniform.GetProperty("covered1").GetDouble(), 5);
        Assert.Equal(plain.GetProperty("covered2").GetDouble(), uniform.GetProperty("covered2").GetDouble(), 5);

        // A feature without a numeric weight is named.
        var bad = await haidian.PostJsonAsync("/api/v1/coverage", new { region, coordsys = "wgs84", weights = new { type = "FeatureCollection",
            features = new[] { Feature(Box(116.2, 39.9, 116.4, 40.1), 7), Feature(Box(116.2, 39.9, 116.4, 40.1), "many") } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("weights.features[1].properties.weight", out _));
    }
}
