using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Pages;

public sealed class MapConfigApiTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Map_config_defaults_to_OpenStreetMap_tiles_in_WGS84()
    {
        var config = await (await app.Anonymous().GetAsync("/api/v1/map-config")).JsonAsync();
        Assert.Equal("wgs84", config.GetProperty("tileCoordsys").GetString());
        Assert.Contains("openstreetmap", config.GetProperty("tileUrl").GetString());
        Assert.Equal("wgs84", config.GetProperty("center").GetProperty("coordsys").GetString());
    }

    [Fact]
    public async Task Static_pages_are_served_at_root_and_admin()
    {
        var client = app.Anonymous();
        Assert.Contains("定位我", await client.GetStringAsync("/"));
        Assert.Contains("员工密钥", await client.GetStringAsync("/admin/"));
    }
}

/// <summary>Amap tiles: the centre is given in GCJ-02 so the page never converts it.</summary>
public sealed class AmapMapConfigFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Map:TileUrl"] = "https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}",
        ["Map:TileCoordsys"] = "gcj02",
        ["Map:Subdomains"] = "1234",
    };
}

public sealed class AmapMapConfigApiTests(AmapMapConfigFixture app) : IClassFixture<AmapMapConfigFixture>
{
    [Fact]
    public async Task With_Amap_tiles_the_centre_is_in_GCJ02()
    {
        var config = await (await app.Anonymous().GetAsync("/api/v1/map-config")).JsonAsync();
        Assert.Equal("gcj02", config.GetProperty("tileCoordsys").GetString());
        var center = config.GetProperty("center");
        Assert.Equal("gcj02", center.GetProperty("coordsys").GetString());
        // Tiananmen moves a few hundred metres east under the GCJ-02 offset.
        Assert.InRange(center.GetProperty("lng").GetDouble() - 116.3975, 0.004, 0.008);
    }
}
