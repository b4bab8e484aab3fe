using StationMap.Import;

namespace StationMap.Tests.Import;

/// <summary>Coordinates with 3 or fewer decimals (≥ ~100 m off) are stored with a warning naming the row and column;
/// degrees-minutes-seconds never count as rounded.</summary>
public class CoordinatePrecisionRulesTests
{
    [Theory]
    [InlineData("116.33", 2)]
    [InlineData("116.330000", 6)]
    [InlineData("116", 0)]
    [InlineData("116.", 0)]
    [InlineData("-0.5", 1)]
    [InlineData("116.33°", 2)]
    [InlineData("东经116.331", 3)]
    [InlineData("116.3312E", 4)]
    [InlineData("１１６．３３", 2)]
    [InlineData("116°19′48″", null)]
    [InlineData("116度19分48秒", null)]
    [InlineData("116°19.8′", null)]
    [InlineData("abc", null)]
    public void Decimals_are_counted_only_in_decimal_degrees(string text, int? decimals)
    {
        Assert.Equal(decimals, CoordinatePrecision.Decimals(text));
    }

    private static readonly string[] Headers = ["名称", "详细地址", "经度", "纬度", "区划代码"];

    private static List<ImportProblem> Warnings(string[] headers, string?[] cells, string coordsys = "wgs84")
    {
        var (errors, warnings) = (new List<ImportProblem>(), new List<ImportProblem>());
        var map = ColumnMap.Read(headers, warnings);
        new RowMapper(map, coordsys, new Dictionary<string, long>()).Map(new RawRow(5, cells), errors, warnings);
        Assert.Empty(errors);
        return warnings.Where(w => w.Code == "coord_low_precision").ToList();
    }

    [Fact]
    public void Two_decimals_warn_for_each_coordinate_naming_row_column_and_the_error()
    {
        var warnings = Warnings(Headers, ["驿站", "海淀区", "116.33", "39.97", "110108"]);
        Assert.Equal([(5, "经度"), (5, "纬度")], warnings.Select(w => (w.Row, w.Column)));
        Assert.Contains("经度只有 2 位小数（约 1 公里误差）", warnings[0].Message);
        Assert.Contains("longitude has only 2 decimals (about 1 km off)", warnings[0].Message);
    }

    [Theory]
    [InlineData("116.331", "39.9734", 1)]
    [InlineData("116.3312", "39.9734", 0)]
    [InlineData("116.3312", "39.97", 1)]
    [InlineData("116°19′52.3″", "39°58′24.2″", 0)]
    public void Only_coordinates_with_three_decimals_or_fewer_are_warned_about(string lng, string lat, int expected)
    {
        Assert.Equal(expected, Warnings(Headers, ["驿站", "海淀区", lng, lat, "110108"]).Count);
    }

    [Fact]
    public void A_rounded_lnglat_column_is_warned_about_in_either_axis_order()
    {
        string[] headers = ["名称", "详细地址", "经纬度", "区划代码"];
        var lngFirst = Warnings(headers, ["驿站", "海淀区", "116.3312,39.97", "110108"]);
        Assert.Equal(("经纬度", true), (Assert.Single(lngFirst).Column, lngFirst[0].Message.StartsWith("纬度")));
        var latFirst = Warnings(headers, ["驿站", "海淀区", "39.97,116.3312", "110108"]);
        Assert.StartsWith("纬度", Assert.Single(latFirst).Message);
    }

    [Fact]
    public void Baidu_mercator_metres_are_not_judged_by_decimals()
    {
        Assert.Empty(Warnings(Headers, ["驿站", "海淀区", "12950000", "4825000", "110108"], "bd09mc"));
    }

    [Fact]
    public void An_xlsx_number_keeps_its_digits_so_only_a_short_value_is_warned_about()
    {
        // A cell displayed "116.33" through a "0.00" format still stores 116.331234; a stored 116.33 is short in itself.
        using var file = ImportFiles.Xlsx(["名称", "地址", "经度", "纬度", "区划代码"],
            ["精确驿站", "海淀区", 116.331234, 39.973412, "110108"],
            ["粗略驿站", "海淀区", 116.33, 39.9734, "110108"]);
        var errors = new List<ImportProblem>();
        using var sheet = UploadedFile.Open(file, "s.xlsx", null, new ImportOptions(), errors)!;
        var warnings = new List<ImportProblem>();
        var map = ColumnMap.Read(sheet.Headers, warnings);
        var mapper = new RowMapper(map, "wgs84", new Dictionary<string, long>());
        foreach (var row in sheet.Rows().Where(r => !r.IsEmpty)) mapper.Map(row, errors, warnings);
        Assert.Empty(errors);
        var w = Assert.Single(warnings, w => w.Code == "coord_low_precision");
        Assert.Equal((3, "经度"), (w.Row, w.Column));
    }
}
