using StationMap.Divisions;
using StationMap.Hours;
using StationMap.Samples;
using StationMap.Stations;

namespace StationMap.Tests.Samples;

public class BeijingSampleTests
{
    private static readonly IReadOnlyList<SampleStationRow> Rows = SampleStationGenerator.Beijing();

    [Fact]
    public void Beijing_sample_has_at_least_2000_stations_in_all_16_districts()
    {
        Assert.True(Rows.Count >= 2000);
        Assert.Equal(16, Rows.Select(r => r.Adcode).Distinct().Count());
        Assert.All(Rows, r => Assert.Equal("110000", AdministrativeDivisions.LoadDefault().Find(r.Adcode)?.ParentCode));
    }

    [Fact]
    public void Centre_is_denser_than_the_outer_districts()
    {
        int Count(string adcode) => Rows.Count(r => r.Adcode == adcode);
        Assert.True(Count("110108") > 4 * Count("110119"));
        Assert.True(Count("110101") > 4 * Count("110118"));
    }

    [Fact]
    public void Roads_named_after_their_street_do_not_repeat_the_suffix()
    {
        // 展览路街道 → 展览路, never "展览路路" or "展览路大街".
        Assert.Contains(Rows, r => r.Address.Contains("展览路街道展览路"));
        Assert.DoesNotContain(Rows, r => r.Name.Contains("路路") || r.Address.Contains("路路"));
        Assert.DoesNotContain(Rows, r => System.Text.RegularExpressions.Regex.IsMatch(r.Name + r.Address, "路(大街|东路|西路|南路|北路|街\\d)"));
    }

    [Fact]
    public void Same_seed_gives_the_same_rows_and_another_seed_does_not()
    {
        Assert.Equal(Rows, SampleStationGenerator.Beijing(2026));
        Assert.NotEqual(Rows[0], SampleStationGenerator.Beijing(7)[0]);
    }

    [Fact]
    public void Codes_are_unique_and_follow_the_province_adcode_sequence_pattern()
    {
        Assert.Equal(Rows.Count, Rows.Select(r => r.Code).Distinct().Count());
        Assert.All(Rows, r => Assert.Matches($"^BJ{r.Adcode}-\\d{{6}}$", r.Code));
        Assert.Equal("BJ110101-000001", Rows[0].Code);
    }

    [Fact]
    public void Coordinates_fall_inside_beijing_with_seven_decimals()
    {
        Assert.All(Rows, r =>
        {
            Assert.InRange(r.Lng, 115.42, 117.51);
            Assert.InRange(r.Lat, 39.44, 41.06);
            Assert.Equal(r.Lng, Math.Round(r.Lng, 7));
            Assert.Equal("wgs84", r.CoordSys);
        });
    }

    [Fact]
    public void Generated_hours_are_canonical_opening_hours()
    {
        foreach (var hours in Rows.Select(r => r.Hours).Distinct())
            Assert.Equal(hours, OpeningHours.Normalize(hours));
    }

    [Fact]
    public void Services_are_catalog_codes()
    {
        var codes = ServiceCatalog.Codes.ToHashSet();
        Assert.All(Rows, r => Assert.All(r.Services.Split(','), s => Assert.Contains(s, codes)));
    }

    [Fact]
    public void Enumerations_use_the_wire_names_of_the_model()
    {
        Assert.All(Rows, r =>
        {
            Assert.True(Enum.TryParse<StationType>(r.Type, true, out _), r.Type);
            Assert.True(Enum.TryParse<StationStatus>(r.Status, true, out _), r.Status);
            Assert.True(Enum.TryParse<HostKind>(r.HostKind, true, out _), r.HostKind);
            Assert.Equal(r.Type, r.Type.ToLowerInvariant());
        });
    }

    [Theory]
    [InlineData("micro", 0.05, 0.11)]
    [InlineData("mobile", 0.015, 0.05)]
    public void Station_type_shares_are_realistic(string type, double min, double max) =>
        Assert.InRange(Share(r => r.Type == type), min, max);

    [Fact]
    public void Status_public_and_hours_shares_are_realistic()
    {
        Assert.InRange(Share(r => r.Status == "closed"), 0.01, 0.035);
        Assert.InRange(Share(r => r.Status == "suspended"), 0.01, 0.035);
        Assert.InRange(Share(r => !r.Public), 0.015, 0.05);
        Assert.InRange(Share(r => r.Hours == "24/7"), 0.48, 0.62);
    }

    [Fact]
    public void Every_row_is_labelled_synthetic() =>
        Assert.All(Rows, r => Assert.Contains("合成样例数据", r.Notes));

    [Fact]
    public void Names_are_unique_and_use_the_usual_patterns()
    {
        Assert.Equal(Rows.Count, Rows.Select(r => r.Name).Distinct().Count());
        Assert.Contains(Rows, r => r.Name.StartsWith("邮爱驿站（"));
        Assert.Contains(Rows, r => r.Name.StartsWith("劳动者港湾（"));
        Assert.Contains(Rows, r => r.Name.EndsWith("街道工会户外劳动者服务站点"));
    }

    private static double Share(Func<SampleStationRow, bool> predicate) => Rows.Count(predicate) / (double)Rows.Count;
}
