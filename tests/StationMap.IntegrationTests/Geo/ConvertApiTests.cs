using System.Net;
using StationMap.Geo;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Geo;

public class ConvertApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Convert_endpoint_turns_gcj02_points_into_wgs84_in_order()
    {
        var body = await (await api.Anonymous().GetAsync("/api/v1/convert?from=gcj02&to=wgs84&points=116.39,39.90;121.47,31.23")).JsonAsync();
        Assert.Equal("wgs84", body.GetProperty("to").GetString());
        var points = body.GetProperty("points");
        CoordConvert.Gcj02ToWgs84(121.47, 31.23, out var lng, out var lat);
        Assert.Equal(lng, points[1].GetProperty("lng").GetDouble(), 8);
        Assert.Equal(lat, points[1].GetProperty("lat").GetDouble(), 8);
    }

    [Fact]
    public async Task Convert_endpoint_names_the_bad_point()
    {
        var response = await api.Anonymous().GetAsync("/api/v1/convert?from=gcj02&to=wgs84&points=116.39,39.90;abc,31.23");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("points[1]", await response.Content.ReadAsStringAsync());
    }
}
