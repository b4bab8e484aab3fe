using StationMap.Geo;

namespace StationMap.Tests.Geo;

/// <summary>
/// What a 坐标系 column says in staff sheets. Only the bare words (高德, 百度, gps…) are known: "高德坐标", "百度坐标系",
/// "GPS坐标", "腾讯" are refused, so every row of such a file is an error although the system is stated plainly.
/// </summary>
public class CoordSysWordsTests
{
    [Theory]
    // The product's own words: the 坐标系 column of the poi-sheet review workbooks (data/feeds/poi-sheet-*.json), whose
    // rows docs/import.md tells staff to copy into the import template.
    [InlineData("GCJ-02（高德）", CoordSys.Gcj02)]
    [InlineData("BD-09（百度）", CoordSys.Bd09)]
    [InlineData("高德坐标", CoordSys.Gcj02)]
    [InlineData("高德坐标系", CoordSys.Gcj02)]
    [InlineData("GCJ-02坐标", CoordSys.Gcj02)]
    [InlineData("腾讯", CoordSys.Gcj02)]
    [InlineData("国测局坐标", CoordSys.Gcj02)]
    [InlineData("百度坐标", CoordSys.Bd09)]
    [InlineData("百度坐标系", CoordSys.Bd09)]
    [InlineData("GPS坐标", CoordSys.Wgs84)]
    [InlineData("WGS84坐标系", CoordSys.Wgs84)]
    public void Coordinate_system_words_from_staff_sheets_are_understood(string text, CoordSys expected)
    {
        Assert.True(CoordSysNames.TryParse(text, out var sys), text);
        Assert.Equal(expected, sys);
    }

    [Theory]
    [InlineData("腾讯地图", CoordSys.Gcj02)]
    [InlineData("国测局", CoordSys.Gcj02)]
    [InlineData("火星坐标系", CoordSys.Gcj02)]
    [InlineData("GCJ-02(高德)", CoordSys.Gcj02)]
    [InlineData("高德/GCJ02", CoordSys.Gcj02)]
    [InlineData("天地图", CoordSys.Wgs84)]
    [InlineData("CGCS2000", CoordSys.Wgs84)]
    [InlineData("CGCS2000坐标系", CoordSys.Wgs84)]
    [InlineData("北斗", CoordSys.Wgs84)]
    [InlineData("EPSG:4326", CoordSys.Wgs84)]
    [InlineData("ＷＧＳ－８４", CoordSys.Wgs84)]
    [InlineData("bd09ll", CoordSys.Bd09)]
    [InlineData("BD09MC", CoordSys.Bd09Mc)]
    [InlineData("百度墨卡托", CoordSys.Bd09Mc)]
    public void More_names_of_the_three_systems_are_understood(string text, CoordSys expected)
    {
        Assert.True(CoordSysNames.TryParse(text, out var sys), text);
        Assert.Equal(expected, sys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("坐标系")]
    [InlineData("火星人")]
    [InlineData("WGS-84（百度）")]
    [InlineData("高德或百度")]
    [InlineData("北京54")]
    public void Unknown_or_contradictory_names_are_refused(string text)
    {
        Assert.False(CoordSysNames.TryParse(text, out _), text);
    }

    [Fact]
    public void The_list_of_accepted_words_names_every_system()
    {
        foreach (var wire in CoordSysNames.All)
        {
            Assert.Contains(wire, CoordSysNames.AcceptedZh);
            Assert.Contains(wire, CoordSysNames.AcceptedEn);
        }
    }
}
