using System.Globalization;
using System.Text;
using StationMap.Geo;

namespace StationMap.Tests.Geo;

public class CoordStreamConverterTests
{
    private static (string Output, string Errors, CoordStreamResult Result) Run(string input, CoordSys from, CoordSys to)
    {
        using var inStream = new MemoryStream(Encoding.UTF8.GetBytes(input));
        using var outStream = new MemoryStream();
        var errors = new StringWriter();
        var result = CoordStreamConverter.Convert(inStream, outStream, from, to, errors);
        return (Encoding.UTF8.GetString(outStream.ToArray()), errors.ToString(), result);
    }

    [Fact]
    public void Converts_lines_in_order_with_at_least_eight_decimals()
    {
        var (output, errors, result) = Run("116.39,39.90\n121.47,31.23\n", CoordSys.Gcj02, CoordSys.Wgs84);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(new CoordStreamResult(2, 0), result);
        Assert.Empty(errors);
        CoordConvert.Gcj02ToWgs84(121.47, 31.23, out var lng, out var lat);
        Assert.Equal(lng.ToString("F9", CultureInfo.InvariantCulture) + "," + lat.ToString("F9", CultureInfo.InvariantCulture), lines[1]);
        Assert.All(lines, l => Assert.Matches(@"^-?\d+\.\d{8,},-?\d+\.\d{8,}$", l));
    }

    [Fact]
    public void A_bad_line_is_reported_with_its_number_and_leaves_an_empty_line_so_the_rest_stay_aligned()
    {
        var (output, errors, result) = Run("116.39,39.90\r\nabc,39.9\r\n39.90,116.39\r\n121.47;31.23", CoordSys.Gcj02, CoordSys.Wgs84);
        Assert.Equal(new CoordStreamResult(4, 2), result);
        var lines = output.Split('\n');
        Assert.Equal(5, lines.Length); // four lines plus the final newline
        Assert.Equal("", lines[1]);
        Assert.Equal("", lines[2]);
        Assert.NotEqual("", lines[3]);
        Assert.Contains("line 2: ", errors);
        Assert.Contains("line 3: 经纬度疑似填反 / latitude and longitude look swapped", errors);
    }

    [Fact]
    public void Unusual_but_valid_lines_take_the_full_parser()
    {
        var (output, errors, _) = Run("\uFEFF１１６．３９，３９．９０\n39°54′N 116°23′E\n\n", CoordSys.Wgs84, CoordSys.Wgs84);
        Assert.Empty(errors);
        Assert.Equal("116.390000000,39.900000000\n116.383333333,39.900000000\n\n", output);
    }

    [Fact]
    public void A_hundred_thousand_lines_stream_through_a_small_buffer_unchanged_in_count()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 100_000; i++) sb.Append(CultureInfo.InvariantCulture, $"{100 + i % 20 + 0.123456789},{25 + i % 15 + 0.987654321}\n");
        var (output, errors, result) = Run(sb.ToString(), CoordSys.Wgs84, CoordSys.Bd09Mc);
        Assert.Equal(new CoordStreamResult(100_000, 0), result);
        Assert.Empty(errors);
        Assert.Equal(100_000, output.Count(c => c == '\n'));
    }
}
