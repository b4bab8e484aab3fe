using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.Data;
using StationMap.Divisions;
using StationMap.Import;
using StationMap.Stations;

namespace StationMap.Tests.Stations;

/// <summary>One set of rules: the API's validator and the import's row validator refuse the same values with the same codes.</summary>
public class SharedRulesTests
{
    private static readonly StationInput Valid = new()
    {
        Code = "BJ-1", Name = "中关村驿站", Address = "北京市海淀区中关村大街27号", Adcode = "110108",
        Lng = 116.3162, Lat = 39.9834, Coordsys = "wgs84", Photos = ["https://example.org/a.jpg"],
    };

    public static TheoryData<StationInput, string, string> Refused => new()
    {
        { Valid with { Code = "\"><img src=x onerror=alert(1)>" }, "code", "code_format" },
        { Valid with { Code = "BJ/1" }, "code", "code_format" },
        { Valid with { Name = "中关村\0驿站" }, "name", "invalid_character" },
        { Valid with { Address = "北京\u001b市" }, "address", "invalid_character" },
        { Valid with { Notes = "行一\n行二\0" }, "notes", "invalid_character" },
        { Valid with { HostOrganization = new string('单', StationLimits.HostOrganization + 1) }, "hostOrganization", "too_long" },
        { Valid with { Notes = new string('注', StationLimits.Notes + 1) }, "notes", "too_long" },
        { Valid with { Adcode = "110199" }, "adcode", "adcode_unknown" },
        { Valid with { Lng = 121.47, Lat = 31.23 }, "location", "outside_province" },
        { Valid with { Photos = ["javascript:alert(1)"] }, "photos[0]", "invalid_url" },
        { Valid with { Photos = Enumerable.Range(0, StationLimits.Photos + 1).Select(i => $"https://example.org/{i}.jpg").ToList() }, "photos", "too_many" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void The_station_rules_refuse_it_naming_the_field(StationInput input, string field, string code)
    {
        var (fields, errors) = StationValidator.Validate(input);
        Assert.Null(fields);
        Assert.Contains(errors, e => e.Field == field && e.Code == code && e.Message.Contains(" / "));
    }

    [Fact]
    public void Multi_line_notes_are_fine()
    {
        var (fields, errors) = StationValidator.Validate(Valid with { Notes = "门口有标识\n周末找门卫" });
        Assert.Empty(errors);
        Assert.Equal("门口有标识\n周末找门卫", fields!.Notes);
    }

    private static readonly string[] Headers = ["编号", "名称", "详细地址", "经度", "纬度", "区划代码", "图片", "备注"];

    private static List<ImportProblem> ImportRow(params string?[] cells)
    {
        var (errors, warnings) = (new List<ImportProblem>(), new List<ImportProblem>());
        var map = ColumnMap.Read(Headers, warnings);
        var (input, _) = new RowMapper(map, null, new Dictionary<string, long>()).Map(new RawRow(5, cells), errors, warnings);
        new RowValidator(map, StaffIdentity.System("t"), AdministrativeDivisions.LoadDefault(), new ImportOptions()).Validate(5, input, errors);
        return errors;
    }

    [Fact]
    public void The_import_refuses_what_the_API_refuses_at_the_files_own_columns()
    {
        Assert.Empty(ImportRow("BJ-1", "驿站", "北京市海淀区中关村大街27号", "116.3162", "39.9834", "110108", "https://example.org/a.jpg https://example.org/b.jpg", "备注"));
        Assert.Contains(ImportRow("BJ/1", "驿站", "北京市海淀区中关村大街27号", "116.3162", "39.9834", "110108", null, null),
            e => (e.Column, e.Code) == ("编号", "code_format"));
        Assert.Contains(ImportRow("BJ-2", "驿站", "北京市海淀区中关村大街27号", "116.3162", "39.9834", "110108", "javascript:alert(1)", null),
            e => (e.Column, e.Code) == ("图片", "invalid_url"));
        Assert.Contains(ImportRow("BJ-3", "驿站", "北京市海淀区中关村大街27号", "116.3162", "39.9834", "110108", null, new string('注', 2001)),
            e => (e.Column, e.Code) == ("备注", "too_long"));
    }

    [Fact]
    public void The_rules_limits_are_the_columns_limits()
    {
        using var db = StationMapDataSource.CreateDb(StationMapDataSource.Create("Host=127.0.0.1;Database=model-only"));
        var station = db.Model.FindEntityType(typeof(Station))!;
        int? Max(string property) => station.FindProperty(property)!.GetMaxLength();
        Assert.Equal(StationLimits.Code, Max(nameof(Station.Code)));
        Assert.Equal(StationLimits.Name, Max(nameof(Station.Name)));
        Assert.True(StationValidator.MaxNameLength <= StationLimits.Name);
        Assert.Equal(StationLimits.Address, Max(nameof(Station.Address)));
        Assert.Equal(StationLimits.OpeningHours, Max(nameof(Station.OpeningHours)));
        Assert.Equal(StationLimits.Phone, Max(nameof(Station.Phone)));
        Assert.Equal(StationLimits.HostOrganization, Max(nameof(Station.HostOrganization)));
        Assert.Equal(StationLimits.Notes, Max(nameof(Station.Notes)));
        Assert.Equal(StationLimits.Reason, db.Model.FindEntityType(typeof(StationHistory))!.FindProperty(nameof(StationHistory.Reason))!.GetMaxLength());
    }
}
