using StationMap.Import;

namespace StationMap.Tests.Import;

public class ImportHeadersTests
{
    [Theory]
    [InlineData("站点编码", ImportField.Code)]
    [InlineData("编号", ImportField.Code)]
    [InlineData("CODE", ImportField.Code)]
    [InlineData("站点名称*", ImportField.Name)]
    [InlineData("名称", ImportField.Name)]
    [InlineData("详细地址", ImportField.Address)]
    [InlineData(" 经度 ", ImportField.Lng)]
    [InlineData("Longitude", ImportField.Lng)]
    [InlineData("lon", ImportField.Lng)]
    [InlineData("x", ImportField.Lng)]
    [InlineData("纬度", ImportField.Lat)]
    [InlineData("y", ImportField.Lat)]
    [InlineData("经纬度", ImportField.LngLat)]
    [InlineData("坐标系", ImportField.Coordsys)]
    [InlineData("区划代码", ImportField.Adcode)]
    [InlineData("行政区划代码（6位）", ImportField.Adcode)]
    [InlineData("服务设施", ImportField.Services)]
    [InlineData("营业时间", ImportField.Hours)]
    [InlineData("电话", ImportField.Phone)]
    [InlineData("承建单位", ImportField.Host)]
    [InlineData("管理工会", ImportField.Org)]
    [InlineData("是否对外开放", ImportField.Public)]
    [InlineData("状态", ImportField.Status)]
    [InlineData("面积（㎡）", ImportField.Area)]
    [InlineData("图片", ImportField.Photos)]
    [InlineData("备注", ImportField.Notes)]
    [InlineData("ｎａｍｅ", ImportField.Name)]
    public void Chinese_and_english_aliases_find_their_field(string header, ImportField field) =>
        Assert.Equal(field, ImportHeaders.Find(header));

    [Fact]
    public void Every_header_of_the_sample_csv_is_known()
    {
        string[] sample = ["code", "name", "address", "lng", "lat", "coordsys", "adcode", "type", "services", "hours", "phone", "host", "host_kind", "public", "status", "area_m2", "notes"];
        Assert.All(sample, h => Assert.NotNull(ImportHeaders.Find(h)));
    }

    [Fact]
    public void Unknown_and_duplicate_columns_are_warnings_kept_for_the_notes()
    {
        var warnings = new List<ImportProblem>();
        var map = ColumnMap.Read(["名称", "name", "负责人", null], warnings);
        Assert.Equal([1, 2, 3], map.Unknown);
        Assert.Equal(["duplicate_column", "unknown_column"], warnings.Select(w => w.Code));
        Assert.All(warnings, w => Assert.Equal(1, w.Row));
        Assert.Equal("负责人", warnings[1].Column);
    }

    [Fact]
    public void Missing_coordinate_system_refuses_the_file_unless_the_upload_names_one()
    {
        var map = ColumnMap.Read(["名称", "地址", "经度", "纬度", "区划代码"], []);
        Assert.Contains(map.MissingColumns(coordsysGiven: false), p => p.Code == "coordsys_required");
        Assert.Empty(map.MissingColumns(coordsysGiven: true));
    }
}
