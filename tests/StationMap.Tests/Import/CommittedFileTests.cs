using StationMap.Auth;
using StationMap.Divisions;
using StationMap.Import;

namespace StationMap.Tests.Import;

/// <summary>A committed GBK file as a district union would send it: alias headers, one 经纬度 column in both
/// orders, Excel artefacts, an empty row, a formula string, and one row with every kind of mistake.</summary>
public class CommittedFileTests
{
    private static readonly string File = Path.Combine(RepoPaths.Root, "tests/StationMap.Tests/Import/data/haidian-aliases-gbk.csv");

    private static (List<int> Valid, List<ImportProblem> Errors, List<ImportProblem> Warnings, string? Encoding) Read()
    {
        using var stream = System.IO.File.OpenRead(File);
        var (errors, warnings, valid) = (new List<ImportProblem>(), new List<ImportProblem>(), new List<int>());
        using var sheet = UploadedFile.Open(stream, File, null, new ImportOptions(), errors)!;
        var map = ColumnMap.Read(sheet.Headers, warnings);
        var mapper = new RowMapper(map, null, new Dictionary<string, long>());
        var validator = new RowValidator(map, StaffIdentity.System("t"), AdministrativeDivisions.LoadDefault(), new ImportOptions());
        foreach (var row in sheet.Rows().Where(r => !r.IsEmpty))
            if (validator.Validate(row.Number, mapper.Map(row, errors, warnings).Input, errors) is not null) valid.Add(row.Number);
        return (valid, errors, warnings, sheet.Encoding);
    }

    [Fact]
    public void The_gbk_file_is_read_with_every_problem_at_its_excel_row_and_header()
    {
        var (valid, errors, warnings, encoding) = Read();
        Assert.StartsWith("gb18030", encoding);
        Assert.Equal([2, 3], valid);
        var found = errors.Select(e => (e.Row, e.Column, e.Code)).ToHashSet();
        Assert.Contains((7, "名称", "formula_like"), found); // =HYPERLINK(…) would run in the Excel that opens a feed
        Assert.Contains((5, "经纬度", "coord_bad_pair"), found);
        Assert.Contains((6, "编号", "duplicate_code"), found);
        Assert.Contains((6, "营业时间", "hours_invalid"), found);
        Assert.Contains((6, "电话", "phone_format"), found);
        Assert.Contains((6, "是否对外开放", "invalid"), found);
        Assert.Contains((6, "面积（㎡）", "not_a_number"), found);
        var warned = warnings.Select(w => (w.Row, w.Column, w.Code)).ToHashSet();
        Assert.Contains((1, "联系人", "unknown_column"), warned);
        Assert.Contains((6, "服务设施", "unknown_service"), warned);
        Assert.Contains((3, "经纬度", "lat_lng_order"), warned);
        Assert.Contains((3, "区划代码", "excel_scientific"), warned);
        Assert.Contains((7, "名称", "formula_text"), warned);
    }
}
