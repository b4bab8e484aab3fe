using StationMap.Stations;

namespace StationMap.Tests.Stations;

public class StationValidatorTests
{
    private static StationInput Valid => new()
    {
        Name = "邮爱驿站（中关村支局）", Address = "北京市海淀区中关村南大街1号", Adcode = "110108",
        Lng = 116.32, Lat = 39.96, Services = ["饮水", "Microwave", "充电"], Type = "微型", Status = "正常",
    };

    [Fact]
    public void Valid_input_is_normalised_to_catalog_codes_and_enums()
    {
        var (fields, errors) = StationValidator.Validate(Valid);
        Assert.Empty(errors);
        Assert.Equal(["water", "microwave", "charging"], fields!.Services);
        Assert.Equal(StationType.Micro, fields.Type);
        Assert.Equal(StationStatus.Active, fields.Status);
        Assert.True(fields.IsPublic);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_field_and_bilingual_message()
    {
        var (fields, errors) = StationValidator.Validate(Valid with
        {
            Name = " ", Address = new string('路', 201), Adcode = "11010", Coordsys = "mars", Status = "open?",
        });
        Assert.Null(fields);
        Assert.Equal(["name", "address", "adcode", "coordsys", "status"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Contains(" / ", e.Message));
        Assert.Contains("200", errors[1].Message);
    }

    [Fact]
    public void Name_of_exactly_45_characters_is_accepted_and_46_is_not()
    {
        Assert.Empty(StationValidator.Validate(Valid with { Name = new string('站', 45) }).Errors);
        Assert.Equal("too_long", StationValidator.Validate(Valid with { Name = new string('站', 46) }).Errors.Single().Code);
    }

    [Fact]
    public void Missing_coordinates_are_an_error()
    {
        var (_, errors) = StationValidator.Validate(Valid with { Lat = null });
        Assert.Contains(errors, e => e.Code == "required" && e.Field == "lat");
    }

    // Provider feeds carry these as stored, and staff open them in Excel: a name that starts like a formula would run.
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"详情\")", null, null)]
    [InlineData(null, "@SUM(1)", null)]
    [InlineData(null, null, "+cmd|' /C calc'!A0")]
    [InlineData("-2+3", null, null)]
    public void Text_that_starts_like_a_spreadsheet_formula_is_refused_naming_the_field(string? name, string? address, string? host)
    {
        var (fields, errors) = StationValidator.Validate(Valid with { Name = name ?? Valid.Name, Address = address ?? Valid.Address, HostOrganization = host ?? Valid.HostOrganization });
        Assert.Null(fields);
        var error = Assert.Single(errors);
        Assert.Equal(name is not null ? "name" : address is not null ? "address" : "hostOrganization", error.Field);
        Assert.Equal("formula_like", error.Code);
        Assert.Contains("must not start with = + - @", error.Message);
    }
}
