using System.Net;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Coverage;

/// <summary>A weight layer whose numbers are finite but whose sums are not.</summary>
public class CoverageWeightOverflowTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    private static double[][] Box(double w, double s, double e, double n) => [[w, s], [e, s], [e, n], [w, n], [w, s]];

    private static object Layer(double weight) => new
    {
        type = "FeatureCollection",
        features = new[] { new { type = "Feature", properties = new { weight }, geometry = new { type = "Polygon", coordinates = new[] { Box(99.9, 39.9, 100.2, 40.1) } } } },
    };

    // A user who uploads an absurd weight expects a 400 naming the weight, not a server error from sums that overflow to infinity.
    [Fact]
    public async Task A_weight_too_large_to_add_up_is_a_400_naming_the_weight()
    {
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        var region = new { type = "Polygon", coordinates = new[] { Box(100.00, 40.00, 100.10, 40.03) } };
        var weights = Layer(1e308);
        var response = await client.PostJsonAsync("/api/v1/coverage",
            new { region, coordsys = "wgs84", cell = 100, added = new[] { new { lng = 100.05, lat = 40.015, label = "A" } }, weights });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("weights", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_layer_weight_is_bounded_at_1e9_per_km2_named_by_its_feature_in_both_languages()
    {
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        var region = new { type = "Polygon", coordinates = new[] { Box(100.00, 40.00, 100.10, 40.03) } };

        var atBound = await client.PostJsonAsync("/api/v1/coverage", new { region, coordsys = "wgs84", cell = 200, weights = Layer(1e9) });
        Assert.Equal(HttpStatusCode.OK, atBound.StatusCode);

        foreach (var path in new[] { "/api/v1/coverage", "/api/v1/coverage/siting" })
        {
            var response = await client.PostJsonAsync(path, new { region, coordsys = "wgs84", cell = 200, weights = Layer(2e9) });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("weights.features[0].properties.weight")[0].GetString();
            Assert.Contains("须为 0 到 1e9 之间的数", message);
            Assert.Contains("must be a number from 0 to 1e9 (per km²)", message);
        }
    }

    // A user who uploads absurd demand weights expects a 400 naming the row's weight, not a server error from a sum that overflows.
    [Fact]
    public async Task Demand_point_weights_too_large_to_add_up_are_a_400_naming_the_weight()
    {
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("lng,lat,weight\n116.30,39.98,1e308\n116.31,39.98,1e308\n"u8.ToArray()), "file", "points.csv");
        var response = await client.PostAsync("/api/v1/coverage/points?adcode=110108", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("weight", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_demand_point_weight_is_bounded_at_1e9_named_by_its_row()
    {
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("lng,lat,weight\n116.30,39.98,1e9\n116.31,39.98,1.5e9\n"u8.ToArray()), "file", "points.csv");
        var response = await client.PostAsync("/api/v1/coverage/points", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Single(errors.EnumerateObject());
        var message = errors.GetProperty("row 3: weight")[0].GetString();
        Assert.Contains("权重须为 0 到 1e9 之间的数", message);
        Assert.Contains("weight must be a number from 0 to 1e9: '1.5e9'", message);
    }
}
