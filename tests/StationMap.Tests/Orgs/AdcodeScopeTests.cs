using StationMap.Orgs;

namespace StationMap.Tests.Orgs;

public class AdcodeScopeTests
{
    [Theory]
    [InlineData("110000", "110108", true)]
    [InlineData("110000", "120101", false)]
    [InlineData("110108", "110108", true)]
    [InlineData("110108", "110101", false)]
    [InlineData("440300", "440305", true)]
    [InlineData("440300", "440105", false)]
    [InlineData("000000", "650102", true)]
    public void Organisation_area_covers_the_districts_below_it(string org, string station, bool covers) =>
        Assert.Equal(covers, AdcodeScope.Covers(org, station));

    [Fact]
    public void Malformed_adcode_is_rejected_with_a_bilingual_message()
    {
        var e = Assert.Throws<ArgumentException>(() => AdcodeScope.Prefix("1101"));
        Assert.Contains("6 digits", e.Message);
        Assert.Contains("6位数字", e.Message);
    }
}
