using StationMap.Auth;
using StationMap.Divisions;
using StationMap.Geo;
using StationMap.Import;

namespace StationMap.Tests.Import;

/// <summary>What a coordinate header says about its coordinate system, and how that meets the upload's coordsys and a
/// 坐标系 column.</summary>
public class HeaderCoordsysRulesTests
{
    [Theory]
    [InlineData("经度（GCJ-02）", ImportField.Lng, CoordSys.Gcj02)]
    [InlineData("纬度(百度)", ImportField.Lat, CoordSys.Bd09)]
    [InlineData("经度【WGS84】", ImportField.Lng, CoordSys.Wgs84)]
    [InlineData("经度（高德/GCJ-02）", ImportField.Lng, CoordSys.Gcj02)]
    [InlineData("经度*（百度坐标）", ImportField.Lng, CoordSys.Bd09)]
    [InlineData("经纬度(bd09)", ImportField.LngLat, CoordSys.Bd09)]
    [InlineData("lng_bd09", ImportField.Lng, CoordSys.Bd09)]
    [InlineData("lat-gcj02", ImportField.Lat, CoordSys.Gcj02)]
    [InlineData("wgs84_lat", ImportField.Lat, CoordSys.Wgs84)]
    [InlineData("百度经度", ImportField.Lng, CoordSys.Bd09)]
    [InlineData("高德纬度", ImportField.Lat, CoordSys.Gcj02)]
    [InlineData("x(bd09mc)", ImportField.Lng, CoordSys.Bd09Mc)]
    public void A_coordinate_header_states_its_system(string header, ImportField field, CoordSys sys)
    {
        Assert.Equal((field, (CoordSys?)sys), ImportHeaders.Read(header));
    }

    [Theory]
    [InlineData("经度", ImportField.Lng)]
    [InlineData("经度（小数）", ImportField.Lng)]
    [InlineData("经度（WGS84或GCJ02）", ImportField.Lng)]
    [InlineData("经度（WGS84）（GCJ-02）", ImportField.Lng)]
    [InlineData("站点名称（高德）", ImportField.Name)]
    [InlineData("面积（㎡）", ImportField.Area)]
    public void A_header_that_states_no_single_system_states_none(string header, ImportField field)
    {
        Assert.Equal((field, (CoordSys?)null), ImportHeaders.Read(header));
    }

    [Fact]
    public void Headers_that_state_the_system_stand_in_for_the_coordsys_and_say_so()
    {
        var (errors, warnings) = (new List<ImportProblem>(), new List<ImportProblem>());
        var map = ColumnMap.Read(["名称", "地址", "经度（GCJ-02）", "纬度（GCJ-02）", "区划代码"], warnings);
        var stated = HeaderCoordsys.Check(map, null, errors, warnings);
        Assert.Equal(new HeaderCoordsys(CoordSys.Gcj02, "经度（GCJ-02）"), stated);
        Assert.Empty(errors);
        var note = Assert.Single(warnings);
        Assert.Equal(("coordsys_from_header", "经度（GCJ-02）"), (note.Code, note.Column));
        Assert.Contains("gcj02", note.Message);
    }

    [Fact]
    public void The_note_points_at_the_header_row_where_it_is_below_a_title()
    {
        var warnings = new List<ImportProblem>();
        var map = ColumnMap.Read(["名称", "地址", "经度（GCJ-02）", "纬度（GCJ-02）", "区划代码"], warnings, headerRow: 3);
        HeaderCoordsys.Check(map, null, [], warnings);
        Assert.Equal(3, Assert.Single(warnings, w => w.Code == "coordsys_from_header").Row);
    }

    [Fact]
    public void A_coordsys_parameter_that_agrees_with_the_headers_is_fine()
    {
        var errors = new List<ImportProblem>();
        var map = ColumnMap.Read(["名称", "经度(百度)", "纬度(百度)"], []);
        Assert.NotNull(HeaderCoordsys.Check(map, "bd09", errors, []));
        Assert.Empty(errors);
    }

    [Fact]
    public void A_coordsys_parameter_that_contradicts_the_headers_refuses_the_file_naming_both_systems()
    {
        var errors = new List<ImportProblem>();
        var map = ColumnMap.Read(["名称", "经度（GCJ-02）", "纬度（GCJ-02）"], []);
        Assert.Null(HeaderCoordsys.Check(map, "wgs84", errors, []));
        var e = Assert.Single(errors);
        Assert.Equal((0, "经度（GCJ-02）", "coordsys_contradicts_header"), (e.Row, e.Column, e.Code));
        Assert.Contains("wgs84", e.Message);
        Assert.Contains("gcj02", e.Message);
        Assert.Contains(" / ", e.Message);
    }

    [Fact]
    public void Coordinate_headers_that_disagree_refuse_the_file()
    {
        var errors = new List<ImportProblem>();
        var map = ColumnMap.Read(["名称", "lng_gcj02", "lat_bd09"], []);
        Assert.Null(HeaderCoordsys.Check(map, null, errors, []));
        var e = Assert.Single(errors);
        Assert.Equal((0, "lng_gcj02,lat_bd09", "coordsys_header_conflict"), (e.Row, e.Column, e.Code));
        Assert.Contains("gcj02", e.Message);
        Assert.Contains("bd09", e.Message);
    }

    [Fact]
    public void One_coordinate_header_stating_the_system_is_enough_and_a_duplicate_column_is_not_heard()
    {
        var errors = new List<ImportProblem>();
        var map = ColumnMap.Read(["名称", "经度（百度）", "纬度", "经度（WGS84）"], []);
        Assert.Equal(CoordSys.Bd09, HeaderCoordsys.Check(map, null, errors, [])!.Sys);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_header_system_removes_the_need_for_a_coordsys_column()
    {
        var map = ColumnMap.Read(["名称", "地址", "经度（GCJ-02）", "纬度（GCJ-02）", "区划代码"], []);
        Assert.Empty(map.MissingColumns(coordsysGiven: map.StatedCoordsys.Count > 0));
    }

    private static readonly string[] Headers = ["名称", "详细地址", "经度（GCJ-02）", "纬度（GCJ-02）", "坐标系", "区划代码"];

    private static (StationMap.Stations.StationFields? Fields, List<ImportProblem> Errors) Row(string? coordsysCell)
    {
        var (errors, warnings) = (new List<ImportProblem>(), new List<ImportProblem>());
        var map = ColumnMap.Read(Headers, warnings);
        var stated = HeaderCoordsys.Check(map, null, errors, warnings);
        CoordConvert.Wgs84ToGcj02(116.3162, 39.9834, out var lng, out var lat);
        string?[] cells = ["中关村驿站", "北京市海淀区中关村大街27号", $"{lng:0.000000}", $"{lat:0.000000}", coordsysCell, "110108"];
        var (input, _) = new RowMapper(map, null, new Dictionary<string, long>(), stated).Map(new RawRow(4, cells), errors, warnings);
        var fields = new RowValidator(map, StaffIdentity.System("t"), AdministrativeDivisions.LoadDefault(), new ImportOptions()).Validate(4, input, errors);
        return (fields, errors);
    }

    [Fact]
    public void A_row_whose_coordsys_cell_contradicts_the_headers_is_rejected_naming_the_column()
    {
        var (fields, errors) = Row("WGS-84");
        Assert.Null(fields);
        var e = Assert.Single(errors);
        Assert.Equal((4, "坐标系", "coordsys_contradicts_header"), (e.Row, e.Column, e.Code));
        Assert.Contains("gcj02", e.Message);
        Assert.Contains("wgs84", e.Message);
    }

    [Fact]
    public void An_unknown_coordsys_cell_is_refused_with_the_accepted_words()
    {
        var (fields, errors) = Row("北京54");
        Assert.Null(fields);
        var e = Assert.Single(errors, e => e.Code == "invalid");
        Assert.Equal((4, "坐标系"), (e.Row, e.Column));
        Assert.Contains("北京54", e.Message);
        Assert.Contains("高德", e.Message);
        Assert.Contains("Baidu", e.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("GCJ-02（高德）")]
    [InlineData("腾讯")]
    public void A_row_with_an_empty_or_agreeing_coordsys_cell_is_read_in_the_headers_system(string? cell)
    {
        var (fields, errors) = Row(cell);
        Assert.Empty(errors);
        Assert.Equal(116.3162, fields!.Wgs84.Lng, 5);
        Assert.Equal(39.9834, fields.Wgs84.Lat, 5);
    }
}
