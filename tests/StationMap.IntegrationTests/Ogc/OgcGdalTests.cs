using System.Text.Json;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Ogc.PublicStations;

namespace StationMap.IntegrationTests.Ogc;

/// <summary>GDAL's OAPIF driver (ogrinfo, ogr2ogr) reads the collection as QGIS would.</summary>
public class OgcGdalTests(OgcServerFixture api) : IClassFixture<OgcServerFixture>
{
    private string Source => $"OAPIF:{api.BaseUrl}/ogc";

    [Fact]
    public async Task Ogrinfo_lists_the_stations_collection_with_the_apis_feature_count()
    {
        var list = await Gdal.RunAsync("ogrinfo", "-ro", Source);
        Assert.Contains("1: stations", list);
        var page = await (await api.Client().GetAsync("/ogc/collections/stations/items?limit=1")).JsonAsync();
        var summary = await Gdal.RunAsync("ogrinfo", "-ro", "-so", Source, "stations");
        Assert.Contains($"Feature Count: {page.GetProperty("numberMatched").GetInt32()}", summary);
        Assert.Contains("Geometry: Point", summary);
    }

    [Fact]
    public async Task Ogr2ogr_reads_every_station_with_the_apis_attributes_and_coordinates()
    {
        var fromApi = await ApiFeaturesAsync("");
        var fromGdal = Features(await Gdal.ToGeoJsonAsync(Source, "stations"));
        Assert.Equal(fromApi.Count, fromGdal.Count);
        Assert.Equal(fromApi.Keys.Order(), fromGdal.Keys.Order());
        foreach (var (code, api) in fromApi)
        {
            var gdal = fromGdal[code];
            foreach (var name in new[] { "name", "address", "adcode", "type", "status", "phone", "openingHours" })
                Assert.Equal(Text(api, name), Text(gdal, name));
            Assert.Equal(api.GetProperty("properties").GetProperty("services").EnumerateArray().Select(e => e.GetString()),
                gdal.GetProperty("properties").GetProperty("services").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(Coordinate(api, 0), Coordinate(gdal, 0), 7);
            Assert.Equal(Coordinate(api, 1), Coordinate(gdal, 1), 7);
        }
    }

    [Fact]
    public async Task Ogr2ogr_with_a_spatial_filter_reads_the_stations_the_api_finds_in_that_bbox()
    {
        var (minLng, minLat, maxLng, maxLat) = (116.30, 39.90, 116.42, 39.99);
        var fromApi = await ApiFeaturesAsync($"&bbox={Num(minLng)},{Num(minLat)},{Num(maxLng)},{Num(maxLat)}");
        Assert.InRange(fromApi.Count, 20, 2000);
        var fromGdal = Features(await Gdal.ToGeoJsonAsync(Source, "-spat", Num(minLng), Num(minLat), Num(maxLng), Num(maxLat), "stations"));
        Assert.Equal(fromApi.Keys.Order(), fromGdal.Keys.Order());
    }

    private async Task<Dictionary<string, JsonElement>> ApiFeaturesAsync(string query) =>
        Features(await (await api.Client().GetAsync($"/ogc/collections/stations/items?limit=10000{query}")).JsonAsync());

    private static Dictionary<string, JsonElement> Features(JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("properties").GetProperty("code").GetString()!);

    private static string? Text(JsonElement feature, string name) =>
        feature.GetProperty("properties").TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetString() : null;

    private static double Coordinate(JsonElement feature, int i) => feature.GetProperty("geometry").GetProperty("coordinates")[i].GetDouble();
}
