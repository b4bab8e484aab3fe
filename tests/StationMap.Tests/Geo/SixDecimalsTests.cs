using System.Globalization;
using StationMap.Geo;

namespace StationMap.Tests.Geo;

public class SixDecimalsTests
{
    [Theory]
    [InlineData(0.0078125)] // an exact tie at the seventh decimal
    [InlineData(116.4062425)] // seven decimals: the product with 10⁶ looks like a tie, the double is just above it
    [InlineData(-0.0078125)]
    [InlineData(-0.0000004)] // rounds to zero and keeps its sign
    [InlineData(-0.0)]
    [InlineData(0)]
    [InlineData(179.9999996)]
    [InlineData(-180)]
    [InlineData(1e15)]
    [InlineData(double.NaN)]
    public void Writes_what_F6_writes(double degrees) =>
        Assert.Equal(degrees.ToString("F6", CultureInfo.InvariantCulture), new SixDecimals(degrees).ToString());

    [Fact]
    public void Writes_what_F6_writes_for_a_million_coordinates()
    {
        var rng = new Random(6);
        for (var i = 0; i < 1_000_000; i++)
        {
            var degrees = (rng.NextDouble() * 2 - 1) * 180;
            if (i % 2 == 0) degrees = Math.Round(degrees, 7); // as stored: ties at the seventh decimal are common
            Assert.Equal(degrees.ToString("F6", CultureInfo.InvariantCulture), new SixDecimals(degrees).ToString());
        }
    }

    [Fact]
    public void Formats_inside_an_interpolated_link_and_refuses_a_buffer_too_small()
    {
        Assert.Equal("slat=39.901404&slon=116.406243", string.Create(CultureInfo.InvariantCulture, $"slat={new SixDecimals(39.9014041)}&slon={new SixDecimals(116.4062425)}"));
        Assert.False(new SixDecimals(116.4).TryFormat(new char[9], out _, default, null));
        Assert.True(new SixDecimals(116.4).TryFormat(new char[10], out var written, default, null));
        Assert.Equal(10, written);
    }
}
