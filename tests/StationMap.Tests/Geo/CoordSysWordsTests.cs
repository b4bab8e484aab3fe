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
}
