using StationMap.Divisions;

namespace StationMap.Tests.Divisions;

public class AdministrativeDivisionsTests
{
    private static readonly AdministrativeDivisions Divisions = AdministrativeDivisions.LoadDefault();

    [Theory]
    [InlineData("110101", "东城区")]
    [InlineData("110102", "西城区")]
    [InlineData("110105", "朝阳区")]
    [InlineData("110106", "丰台区")]
    [InlineData("110107", "石景山区")]
    [InlineData("110108", "海淀区")]
    [InlineData("110109", "门头沟区")]
    [InlineData("110111", "房山区")]
    [InlineData("110112", "通州区")]
    [InlineData("110113", "顺义区")]
    [InlineData("110114", "昌平区")]
    [InlineData("110115", "大兴区")]
    [InlineData("110116", "怀柔区")]
    [InlineData("110117", "平谷区")]
    [InlineData("110118", "密云区")]
    [InlineData("110119", "延庆区")]
    public void Beijing_districts_are_all_present(string code, string name)
    {
        var district = Divisions.Find(code);
        Assert.NotNull(district);
        Assert.Equal(name, district.Name);
        Assert.Equal(DivisionLevel.District, district.Level);
        Assert.Equal("110000", district.ParentCode);
    }

    [Fact]
    public void Beijing_has_exactly_sixteen_districts() =>
        Assert.Equal(16, Divisions.All.Count(d => d.ParentCode == "110000"));

    [Fact]
    public void There_are_34_provinces_each_with_a_box()
    {
        var provinces = Divisions.All.Where(d => d.Level == DivisionLevel.Province).ToList();
        Assert.Equal(34, provinces.Count);
        Assert.All(provinces, p => Assert.NotNull(Divisions.ProvinceBounds(p.Code)));
    }

    [Fact]
    public void Every_parent_exists_and_is_one_level_up_or_a_province()
    {
        foreach (var d in Divisions.All.Where(d => d.ParentCode is not null))
        {
            var parent = Divisions.Find(d.ParentCode!);
            Assert.NotNull(parent);
            Assert.True(parent.Level < d.Level, $"{d.Code} → {parent.Code}");
            Assert.StartsWith(parent.Code[..2], d.Code);
        }
    }

    [Fact]
    public void Prefecture_city_district_hangs_off_its_city()
    {
        Assert.Equal("440300", Divisions.Find("440305")?.ParentCode); // 深圳市南山区
        Assert.Equal(DivisionLevel.City, Divisions.Find("440300")?.Level);
    }

    [Theory]
    [InlineData("110108", true)]
    [InlineData("429004", true)]   // 仙桃市, under 省直辖县级行政区划
    [InlineData("110100", false)]  // no 市辖区 row for municipalities
    [InlineData("999999", false)]
    [InlineData("", false)]
    public void Exists_knows_real_codes(string code, bool exists) =>
        Assert.Equal(exists, Divisions.Exists(code));

    [Theory]
    [InlineData("110108", "北京市")]
    [InlineData("440305", "广东省")]
    [InlineData("650000", "新疆维吾尔自治区")]
    [InlineData("990101", null)]
    public void Province_name_comes_from_the_first_two_digits(string code, string? province) =>
        Assert.Equal(province, Divisions.ProvinceName(code));

    [Theory]
    [InlineData("110108", 116.30, 39.96, 0, true)]     // 海淀, inside
    [InlineData("110108", 39.96, 116.30, 50, false)]   // lat/lng swapped
    [InlineData("110108", 121.47, 31.23, 50, false)]   // Shanghai coordinates on a Beijing code
    [InlineData("310115", 121.47, 31.23, 0, true)]
    [InlineData("110108", 117.9, 40.0, 50, true)]      // ~17 km outside the box
    [InlineData("110108", 117.9, 40.0, 10, false)]
    [InlineData("990000", 116.3, 39.9, 1000, false)]   // unknown province
    public void Is_near_province_checks_the_box_with_a_margin(string adcode, double lng, double lat, double marginKm, bool near) =>
        Assert.Equal(near, Divisions.IsNearProvince(adcode, lng, lat, marginKm));

    [Fact]
    public void Loading_from_the_data_folder_matches_the_embedded_copy()
    {
        var fromFolder = AdministrativeDivisions.LoadFrom(Path.Combine(RepoPaths.Root, "data", "divisions"));
        Assert.Equal(Divisions.All.Count, fromFolder.All.Count);
        Assert.Equal("海淀区", fromFolder.Find("110108")?.Name);
    }
}
