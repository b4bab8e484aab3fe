using StationMap.Geo;
using StationMap.Import;

namespace StationMap.Tests.Import;

/// <summary>A coordinate header's gloss often lists the system twice, separated by a comma or a space
/// ("经度（GCJ-02，高德）"). Dropping that statement silently lets a wrong upload coordsys shift every station.</summary>
public class HeaderCoordsysGlossTests
{
    [Theory]
    [InlineData("经度（GCJ-02，高德）", "纬度（GCJ-02，高德）")]
    [InlineData("经度(GCJ-02 高德)", "纬度(GCJ-02 高德)")]
    [InlineData("经度（高德坐标系，GCJ02）", "纬度（高德坐标系，GCJ02）")]
    public void A_gloss_naming_the_system_twice_states_it(string lng, string lat)
    {
        Assert.Equal(CoordSys.Gcj02, ImportHeaders.Read(lng).Coordsys);

        // End to end of the header check: an upload saying wgs84 must be refused against these headers.
        var warnings = new List<ImportProblem>();
        var errors = new List<ImportProblem>();
        var map = ColumnMap.Read(["站点名称", "地址", "行政区划代码", lng, lat], warnings);
        HeaderCoordsys.Check(map, "wgs84", errors, warnings);
        Assert.Contains(errors, e => e.Code == "coordsys_contradicts_header");
    }

    [Fact]
    public void A_header_whose_glosses_name_two_systems_is_not_passed_over_in_silence()
    {
        var warnings = new List<ImportProblem>();
        var errors = new List<ImportProblem>();
        var map = ColumnMap.Read(["站点名称", "地址", "行政区划代码", "经度（WGS84）（百度）", "纬度（WGS84）（百度）"], warnings);
        HeaderCoordsys.Check(map, "wgs84", errors, warnings);
        // Either an error or at least a warning naming the column: today there is neither.
        Assert.Contains(errors.Concat(warnings), p => p.Column.Contains("经度"));
    }
}
