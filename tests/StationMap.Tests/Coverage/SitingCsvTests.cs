using StationMap.Coverage.Siting;

namespace StationMap.Tests.Coverage;

public class SitingCsvTests
{
    [Fact]
    public void Labels_from_an_uploaded_file_are_quoted_and_cannot_run_as_formulas()
    {
        var picks = new[]
        {
            new SitingPick(1, 116.3, 39.98, "=HYPERLINK(\"http://x\",\"点我\")", 12345.6, 1, 0.5, 0.25),
            new SitingPick(2, 116.31, 39.99, "中关村, \"北\"门", 2000, 2, 0.55, 0.3),
            new SitingPick(3, 116.32, 40.0, null, 10, 3, 0.56, 0.31),
        };
        var text = new StringWriter();
        SitingCsv.Write(text, picks, weighted: false);
        var lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("rank,lng,lat,coordsys,label,gain_m2,covered1,covered2", lines[0]);
        Assert.Equal("1,116.3000000,39.9800000,wgs84,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",12346,0.500000,0.250000", lines[1]);
        Assert.Equal("2,116.3100000,39.9900000,wgs84,\"中关村, \"\"北\"\"门\",2000,0.550000,0.300000", lines[2]);
        Assert.Equal("3,116.3200000,40.0000000,wgs84,,10,0.560000,0.310000", lines[3]);
    }

    [Fact]
    public void With_a_weight_layer_gains_are_in_its_unit()
    {
        var text = new StringWriter();
        SitingCsv.Write(text, [new SitingPick(1, 116.3, 39.98, "a", 1.23456, 1, 0.5, 0.25)], weighted: true);
        Assert.Equal("rank,lng,lat,coordsys,label,gain_weight,covered1,covered2\n1,116.3000000,39.9800000,wgs84,a,1.235,0.500000,0.250000\n", text.ToString());
    }
}
