using NetTopologySuite.Geometries;
using StationMap.Coverage.Boundaries;

namespace StationMap.Tests.Coverage;

public class BoundaryDataTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly DistrictBoundaries Data = DistrictBoundaries.LoadDefault();

    private static bool Inside(string adcode, double lng, double lat) =>
        Data.Find(adcode)!.Outline.Contains(Factory.CreatePoint(new Coordinate(lng, lat)));

    [Fact]
    public void Beijing_has_its_sixteen_districts_with_current_codes()
    {
        var beijing = Data.Within("110000");
        Assert.Equal(16, beijing.Count);
        Assert.Contains(beijing, d => d.Adcode == "110108" && d.Name == "海淀区");
        Assert.All(beijing, d => Assert.True(d.Outline.IsValid));
    }

    [Fact]
    public void Every_district_within_the_country_has_an_outline_to_grid()
    {
        var all = Data.Within("000000");
        Assert.True(all.Count > 600);
        Assert.All(all, d => Assert.False(d.Outline.IsEmpty, d.Adcode));
        Assert.True(all.Count <= Data.All.Count);
    }

    // WGS-84 landmarks within a few hundred metres of the 东城/西城 border: the source's vertices, read as GCJ-02
    // and converted, put them on the right side; read as WGS-84 they would not (docs/coverage.md).
    [Theory]
    [InlineData("110101", 116.3906, 39.9147)] // 故宫 (palace centre) in 东城区
    [InlineData("110101", 116.3886, 39.9150)] // 武英殿, the palace's western hall, in 东城区
    [InlineData("110102", 116.3810, 39.9130)] // 中南海 in 西城区
    [InlineData("110108", 116.3100, 39.9920)] // 北京大学 in 海淀区
    public void Landmarks_fall_in_their_districts_after_the_gcj02_conversion(string adcode, double lng, double lat) =>
        Assert.True(Inside(adcode, lng, lat));

    [Fact]
    public void Every_sample_city_district_that_the_source_has_is_present()
    {
        Assert.True(Data.All.Count > 600);
        Assert.NotNull(Data.Find("310115")); // 上海 浦东新区
        Assert.NotNull(Data.Find("440305")); // 深圳 南山区
    }
}
