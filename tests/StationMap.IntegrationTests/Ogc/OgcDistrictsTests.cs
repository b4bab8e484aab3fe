using System.Net;
using System.Text.Json;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Ogc;

/// <summary>The shipped district boundaries as the OGC collection "districts", read by the API and by GDAL.</summary>
public class OgcDistrictsTests(OgcServerFixture api) : IClassFixture<OgcServerFixture>
{
    private static readonly string[] BeijingDistricts =
    [
        "东城区", "西城区", "朝阳区", "丰台区", "石景山区", "海淀区", "门头沟区", "房山区",
        "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区",
    ];

    // Touches all 16 Beijing districts and no Tianjin or Hebei one.
    private const string BeijingBbox = "116.0,39.8,116.95,40.4";

    [Fact]
    public async Task Ogrinfo_lists_the_16_beijing_districts_for_a_beijing_bbox()
    {
        var list = await Gdal.RunAsync("ogrinfo", "-ro", $"OAPIF:{api.BaseUrl}/ogc");
        Assert.Contains(": districts", list);
        var features = await Gdal.ToGeoJsonAsync($"OAPIF:{api.BaseUrl}/ogc", "-spat", "116.0", "39.8", "116.95", "40.4", "districts");
        var props = features.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.Equal(BeijingDistricts.Order(), props.Select(p => p.GetProperty("name").GetString()!).Order());
        Assert.All(props, p => Assert.StartsWith("1101", p.GetProperty("adcode").GetString()));
        Assert.All(features.GetProperty("features").EnumerateArray(),
            f => Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" }));
        var summary = await Gdal.RunAsync("ogrinfo", "-ro", "-so", "-spat", "116.0", "39.8", "116.95", "40.4", $"OAPIF:{api.BaseUrl}/ogc", "districts");
        Assert.Contains("Feature Count: 16", summary);
    }

    [Fact]
    public async Task Items_page_with_limit_offset_and_next_links_through_every_beijing_district()
    {
        var names = new List<string>();
        var url = $"/ogc/collections/districts/items?bbox={BeijingBbox}&limit=5";
        using var client = api.Client();
        while (url is not null)
        {
            var response = await client.GetAsync(url);
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
            var page = await response.JsonAsync();
            Assert.Equal(16, page.GetProperty("numberMatched").GetInt32());
            names.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()!));
            url = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => l.GetProperty("href").GetString()).FirstOrDefault();
        }
        Assert.Equal(BeijingDistricts.Order(), names.Order());
    }

    [Fact]
    public async Task One_district_by_adcode_has_its_names_and_area()
    {
        using var client = api.Client();
        var response = await client.GetAsync("/ogc/collections/districts/items/110108");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feature = await response.JsonAsync();
        Assert.Equal("110108", feature.GetProperty("id").GetString());
        var p = feature.GetProperty("properties");
        Assert.Equal("海淀区", p.GetProperty("name").GetString());
        Assert.Equal("北京市", p.GetProperty("province").GetString());
        Assert.Equal("北京市", p.GetProperty("city").GetString());
        Assert.InRange(p.GetProperty("areaKm2").GetDouble(), 400, 460); // 海淀区 is 431 km²
        Assert.Contains(feature.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "self");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ogc/collections/districts/items/110199")).StatusCode);
        var collection = await (await client.GetAsync("/ogc/collections/districts")).JsonAsync();
        Assert.Equal("districts", collection.GetProperty("id").GetString());
        Assert.Equal(4, collection.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].GetArrayLength());
    }

    [Fact]
    public async Task Adcode_filter_keeps_a_citys_districts_and_a_bad_one_is_named()
    {
        using var client = api.Client();
        var page = await (await client.GetAsync("/ogc/collections/districts/items?adcode=110000&limit=100")).JsonAsync();
        Assert.Equal(16, page.GetProperty("numberMatched").GetInt32());
        var bad = await client.GetAsync("/ogc/collections/districts/items?adcode=11a");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("adcode", await bad.Content.ReadAsStringAsync());
    }
}
