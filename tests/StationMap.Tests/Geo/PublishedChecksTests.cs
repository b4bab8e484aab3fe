using StationMap.Geo;

namespace StationMap.Tests.Geo;

public class PublishedChecksTests
{
    [Fact]
    public void Wgs84_to_gcj02_matches_amaps_published_example()
    {
        CoordConvert.Wgs84ToGcj02(116.481499, 39.990475, out var lng, out var lat);
        Assert.Equal(116.487585177952, lng, 5e-7);
        Assert.Equal(39.991754014757, lat, 5e-7);
    }

    [Fact]
    public void Gcj02_to_bd09_matches_baidus_converter_under_a_millimetre()
    {
        CoordConvert.Gcj02ToBd09(116.440488, 39.920026, out var lng, out var lat);
        Assert.Equal(116.4470341129, lng, 1e-8);
        Assert.Equal(39.925838045682, lat, 1e-8);
    }

    [Fact]
    public void Gcj02_to_wgs84_inverts_amaps_example_to_a_millimetre()
    {
        CoordConvert.Wgs84ToGcj02(116.481499, 39.990475, out var gLng, out var gLat);
        CoordConvert.Gcj02ToWgs84(gLng, gLat, out var lng, out var lat);
        Assert.Equal(116.481499, lng, 1e-9);
        Assert.Equal(39.990475, lat, 1e-9);
    }

    [Fact]
    public void Bd09_to_gcj02_inverts_baidus_example_to_a_millimetre()
    {
        CoordConvert.Bd09ToGcj02(116.4470341129, 39.925838045682, out var lng, out var lat);
        Assert.Equal(116.440488, lng, 1e-8);
        Assert.Equal(39.920026, lat, 1e-8);
    }

    [Theory]
    [InlineData(2.3522, 48.8566)]   // Paris
    [InlineData(106.9057, 47.8864)] // Ulaanbaatar
    [InlineData(126.978, 37.5665)]  // Seoul
    public void Points_outside_china_are_not_offset(double lng, double lat)
    {
        foreach (var from in Enum.GetValues<CoordSys>().Where(s => s != CoordSys.Bd09Mc))
            foreach (var to in Enum.GetValues<CoordSys>().Where(s => s != CoordSys.Bd09Mc))
            {
                var c = new Coordinate(lng, lat, from).To(to);
                Assert.Equal((lng, lat, to), (c.Lng, c.Lat, c.Sys));
            }
    }

    [Fact]
    public void Bd09mc_reads_back_to_bd09_within_a_centimetre()
    {
        var bd = Coordinate.Bd09(116.404, 39.915);
        var mc = bd.To(CoordSys.Bd09Mc);
        Assert.InRange(mc.Lng, 12_950_000, 12_970_000);
        var back = mc.To(CoordSys.Bd09);
        Assert.Equal(bd.Lng, back.Lng, 1e-7);
        Assert.Equal(bd.Lat, back.Lat, 1e-7);
    }

    [Fact]
    public void Coordinate_to_every_system_and_back_returns_the_same_place()
    {
        var start = Coordinate.Wgs84(121.4737, 31.2304);
        foreach (var sys in Enum.GetValues<CoordSys>())
        {
            var back = start.To(sys).To(CoordSys.Wgs84);
            Assert.Equal(CoordSys.Wgs84, back.Sys);
            Assert.Equal(start.Lng, back.Lng, sys == CoordSys.Bd09Mc ? 5e-7 : 1e-9);
            Assert.Equal(start.Lat, back.Lat, sys == CoordSys.Bd09Mc ? 5e-7 : 1e-9);
        }
    }

    [Fact]
    public void Baidu_mercator_takes_latitudes_past_74_degrees_at_74_as_baidu_does()
    {
        var at74 = Coordinate.Bd09(100, 74).To(CoordSys.Bd09Mc);
        var at90 = Coordinate.Bd09(100, 90).To(CoordSys.Bd09Mc);
        Assert.Equal(at74.Lat, at90.Lat);
        Assert.InRange(at90.Lat, 12_000_000, 13_000_000); // not the hundreds of millions of metres the polynomial runs to
        Assert.Equal(-at74.Lat, Coordinate.Bd09(100, -80).To(CoordSys.Bd09Mc).Lat);
    }
}
