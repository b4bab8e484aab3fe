using StationMap.Divisions;
using StationMap.Samples;

namespace StationMap.Tests.Samples;

public class ChinaSampleTests
{
    [Fact]
    public void National_sample_is_deterministic_and_streams_the_requested_count()
    {
        var first = SampleStationGenerator.China(5000, seed: 1).ToList();
        Assert.Equal(5000, first.Count);
        Assert.Equal(first, SampleStationGenerator.China(5000, seed: 1));
        Assert.Equal(first.Count, first.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void National_sample_is_lazy()
    {
        // Taking three rows out of a billion must return at once.
        Assert.Equal(3, SampleStationGenerator.China(1_000_000_000, seed: 1).Take(3).Count());
    }

    [Fact]
    public void National_rows_use_real_adcodes_near_their_province()
    {
        var divisions = AdministrativeDivisions.LoadDefault();
        var rows = SampleStationGenerator.China(20_000, seed: 3).ToList();
        Assert.All(rows, r => Assert.True(divisions.Exists(r.Adcode), r.Adcode));
        Assert.All(rows, r => Assert.True(divisions.IsNearProvince(r.Adcode, r.Lng, r.Lat, 60), $"{r.Code} {r.Lng},{r.Lat}"));
        Assert.True(rows.Select(r => r.Adcode).Distinct().Count() > 120);
    }

    [Fact]
    public void Every_sample_city_has_a_real_adcode()
    {
        var divisions = AdministrativeDivisions.LoadDefault();
        Assert.True(SampleCities.All.Length >= 150);
        Assert.All(SampleCities.All, c => Assert.True(divisions.Exists(c.Adcode), c.Name));
    }
}
