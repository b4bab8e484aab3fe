using StationMap.Auth;
using StationMap.Divisions;
using StationMap.Import;
using StationMap.Stations;

namespace StationMap.Tests.Import;

/// <summary>Each validation rule, seen as the user sees it: Excel row number, the file's own column header, a code.</summary>
public class RowRulesTests
{
    private static readonly string[] Headers = ["编号", "名称", "详细地址", "经度", "纬度", "坐标系", "区划代码", "服务设施", "营业时间", "电话", "是否对外开放", "负责人"];
    private static readonly string?[] Good = ["BJ-1", "中关村驿站", "北京市海淀区中关村大街27号", "116.3162", "39.9834", "wgs84", "110108", "饮水、手机充电", "24小时", "010-62561234", "是", "张三"];

    private sealed record Outcome(StationFields? Fields, List<ImportProblem> Errors, List<ImportProblem> Warnings);

    private static Outcome Check(Dictionary<string, string?> changes, StaffIdentity? who = null, string[]? headers = null, string?[]? good = null)
    {
        headers ??= Headers;
        var cells = (good ?? Good).ToArray();
        foreach (var (h, v) in changes) cells[Array.IndexOf(headers, h)] = v;
        var (errors, warnings) = (new List<ImportProblem>(), new List<ImportProblem>());
        var map = ColumnMap.Read(headers, warnings);
        var (input, _) = new RowMapper(map, null, new Dictionary<string, long>()).Map(new RawRow(7, cells), errors, warnings);
        var fields = new RowValidator(map, who ?? StaffIdentity.System("test"), AdministrativeDivisions.LoadDefault(), new ImportOptions())
            .Validate(7, input, errors);
        return new(fields, errors, warnings);
    }

    private static ImportProblem OnlyError(Outcome o) => Assert.Single(o.Errors);

    [Fact]
    public void A_good_row_is_normalised()
    {
        var o = Check([]);
        Assert.Empty(o.Errors);
        Assert.Equal(["water", "charging"], o.Fields!.Services);
        Assert.Equal("24/7", o.Fields.OpeningHours);
        Assert.Equal("负责人：张三", o.Fields.Notes);
    }

    [Theory]
    [InlineData("名称", "", "required")]
    [InlineData("名称", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六", "too_long")]
    [InlineData("区划代码", "999999", "adcode_unknown")]
    [InlineData("区划代码", "11010", "adcode_format")]
    [InlineData("电话", "123", "phone_format")]
    [InlineData("营业时间", "看心情", "hours_invalid")]
    [InlineData("坐标系", "mars", "invalid")]
    [InlineData("是否对外开放", "也许", "invalid")]
    public void Each_rule_names_the_row_and_the_files_own_column(string column, string value, string code)
    {
        var e = OnlyError(Check(new() { [column] = value }));
        Assert.Equal((7, column == "坐标系" ? "坐标系" : column, code), (e.Row, e.Column, e.Code));
        Assert.Contains(" / ", e.Message);
    }

    [Fact]
    public void An_unknown_service_word_is_kept_as_other_services_with_a_warning_not_an_error()
    {
        var o = Check(new() { ["服务设施"] = "咖啡、应急药箱" });
        Assert.Empty(o.Errors);
        Assert.Equal("咖啡", o.Fields!.OtherServices);
        Assert.Equal(["firstaid"], o.Fields.Services);
        Assert.Contains(o.Warnings, w => (w.Row, w.Column, w.Code) == (7, "服务设施", "unknown_service"));
    }

    [Fact]
    public void An_address_over_200_characters_is_too_long() =>
        Assert.Equal(("详细地址", "too_long"), (OnlyError(Check(new() { ["详细地址"] = new string('路', 201) })) is var e ? (e.Column, e.Code) : default));

    [Fact]
    public void Swapped_columns_are_named_as_swapped() =>
        Assert.Equal(("经度,纬度", "coord_swapped"), OnlyError(Check(new() { ["经度"] = "39.9834", ["纬度"] = "116.3162" })) is var e ? (e.Column, e.Code) : default);

    [Fact]
    public void A_point_outside_china_is_an_error() =>
        Assert.Equal("outside_china", OnlyError(Check(new() { ["经度"] = "2.35", ["纬度"] = "48.85" })).Code);

    [Fact]
    public void A_point_in_another_province_than_its_adcode_is_an_error()
    {
        var e = OnlyError(Check(new() { ["经度"] = "121.47", ["纬度"] = "31.23" })); // Shanghai, adcode Haidian
        Assert.Equal(("outside_province", "经度,纬度"), (e.Code, e.Column));
    }

    [Theory]
    [InlineData("116°18′58.3″E", "39°59′0.2″N")]
    [InlineData("１１６．３１６２", "３９．９８３４")]
    [InlineData(" 116.3162 ", "39.9834\u00A0")]
    public void Coordinates_in_any_format_the_parser_accepts(string lng, string lat)
    {
        var o = Check(new() { ["经度"] = lng, ["纬度"] = lat });
        Assert.Empty(o.Errors);
        Assert.Equal(116.316, o.Fields!.Submitted.Lng, 3);
    }

    [Fact]
    public void Gcj02_rows_are_converted_and_kept_as_submitted()
    {
        var o = Check(new() { ["坐标系"] = "gcj02" });
        Assert.Equal(116.3162, o.Fields!.Submitted.Lng);
        Assert.InRange(o.Fields.Submitted.Lng - o.Fields.Wgs84.Lng, 0.003, 0.01);
    }

    [Fact]
    public void One_lnglat_field_in_either_order()
    {
        string[] headers = ["名称", "地址", "经纬度", "坐标系", "区划代码"];
        var lngFirst = Check([], headers: headers, good: ["甲", "北京市海淀区", "116.3162,39.9834", "wgs84", "110108"]);
        var latFirst = Check([], headers: headers, good: ["甲", "北京市海淀区", "39.9834，116.3162", "wgs84", "110108"]);
        Assert.Empty(lngFirst.Errors.Concat(latFirst.Errors));
        Assert.Equal(lngFirst.Fields!.Wgs84, latFirst.Fields!.Wgs84);
        Assert.Equal("lat_lng_order", Assert.Single(latFirst.Warnings).Code);
    }

    [Fact]
    public void Excel_scientific_adcodes_are_restored_with_a_warning_and_lossy_codes_are_errors()
    {
        var o = Check(new() { ["区划代码"] = "1.10108E+05", ["编号"] = "1.2E+11" });
        Assert.Contains(o.Warnings, w => (w.Column, w.Code) == ("区划代码", "excel_scientific"));
        Assert.Equal(("编号", "excel_scientific"), OnlyError(o) is var e ? (e.Column, e.Code) : default);
    }

    [Fact]
    public void Formula_text_is_kept_as_text_with_a_warning()
    {
        var o = Check(new() { ["负责人"] = "=HYPERLINK(\"http://evil\",\"x\")" });
        Assert.Empty(o.Errors);
        Assert.Contains("=HYPERLINK", o.Fields!.Notes);
        Assert.Contains(o.Warnings, w => w.Code == "formula_text" && w.Column == "负责人");
    }

    [Fact]
    public void Duplicate_codes_in_the_file_name_the_first_row()
    {
        var (errors, map) = (new List<ImportProblem>(), ColumnMap.Read(Headers, []));
        var validator = new RowValidator(map, StaffIdentity.System("t"), AdministrativeDivisions.LoadDefault(), new ImportOptions());
        var mapper = new RowMapper(map, null, new Dictionary<string, long>());
        foreach (var n in new[] { 2, 9 }) validator.Validate(n, mapper.Map(new RawRow(n, Good.ToArray()), errors, []).Input, errors);
        var e = Assert.Single(errors);
        Assert.Equal((9, "编号", "duplicate_code"), (e.Row, e.Column, e.Code));
        Assert.Contains("第 2 行", e.Message);
    }

    [Fact]
    public void Rows_outside_the_callers_area_are_errors()
    {
        var shanghai = new StaffIdentity(1, "sh", StaffRole.Editor, "310000");
        Assert.Equal(("区划代码", "out_of_scope"), OnlyError(Check([], shanghai)) is var e ? (e.Column, e.Code) : default);
    }
}
