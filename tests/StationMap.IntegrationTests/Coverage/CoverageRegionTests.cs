using System.Net;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Coverage;

/// <summary>An uploaded region that is a polygon in form but encloses nothing.</summary>
public class CoverageRegionTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    // A user who draws a polygon by mistake on one point or one line expects to be told the region has no area, not a server error.
    [Theory]
    [InlineData("[[[100,40],[100,40],[100,40],[100,40]]]")]
    [InlineData("[[[100,40],[100.1,40],[100.2,40],[100,40]]]")]
    public async Task A_region_that_encloses_no_area_is_a_400_naming_region(string rings)
    {
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        var body = $$"""{"region":{"type":"Polygon","coordinates":{{rings}}},"coordsys":"wgs84"}""";
        var response = await client.PostAsync("/api/v1/coverage", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("region", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_kml_region_on_one_line_is_a_400_naming_regionKml_in_both_languages()
    {
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        const string kml = """
            <kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>一条线</name><Polygon><outerBoundaryIs><LinearRing>
            <coordinates>100,40 100.1,40 100.2,40 100,40</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>
            """;
        foreach (var path in new[] { "/api/v1/coverage", "/api/v1/coverage/siting" })
        {
            var response = await client.PostJsonAsync(path, new { regionKml = kml, regionFile = "line.kml", coordsys = "wgs84" });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.JsonAsync()).GetProperty("errors");
            var message = errors.GetProperty("regionKml")[0].GetString()!;
            Assert.Contains("没有面积", message);
            Assert.Contains("encloses no area", message);
        }
    }

    [Fact]
    public async Task A_weight_feature_that_encloses_no_area_is_a_400_naming_the_feature()
    {
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        double[][] strip = [[100.00, 40.00], [100.10, 40.00], [100.10, 40.03], [100.00, 40.03], [100.00, 40.00]];
        double[][] line = [[100.0, 40.0], [100.05, 40.0], [100.1, 40.0], [100.0, 40.0]];
        var weights = new
        {
            type = "FeatureCollection",
            features = new[] { new { type = "Feature", properties = new { weight = 5 }, geometry = new { type = "Polygon", coordinates = new[] { line } } } },
        };
        var response = await client.PostJsonAsync("/api/v1/coverage",
            new { region = new { type = "Polygon", coordinates = new[] { strip } }, coordsys = "wgs84", cell = 100, weights });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("weights.features[0].geometry", out var messages), errors.ToString());
        Assert.Contains("encloses no area", messages[0].GetString());
    }
}
