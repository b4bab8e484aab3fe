using System.Text;
using StationMap.Geo;
using StationMap.Nearby;

namespace StationMap.Tests.Nearby;

public class WalkingLinkWriterTests
{
    [Theory]
    [InlineData("邮爱驿站（景山东路支局）", 116.3975, 39.9087, 116.4100, 39.9200)]
    [InlineData("A&B \"quoted\" <tag> 100% ~_.-!*'()", 121.4737, 31.2304, 121.5, 31.21)]
    [InlineData("Café 😀 #1/2?x=y", 113.2644, 23.1291, 113.27, 23.12)]
    [InlineData("outside China", 2.3522, 48.8566, 2.36, 48.85)]
    public void Writes_the_same_links_as_NavigationLinks_for_the_same_trip(string name, double fromLng, double fromLat, double toLng, double toLat)
    {
        foreach (var sys in new[] { CoordSys.Wgs84, CoordSys.Gcj02, CoordSys.Bd09 })
        {
            var from = Coordinate.Wgs84(fromLng, fromLat).To(sys);
            var expected = NavigationLinks.Walking(from, Coordinate.Wgs84(toLng, toLat), name);
            var writer = new WalkingLinkWriter(from);
            writer.To(toLng, toLat, Encoding.UTF8.GetBytes(name));
            Assert.Equal(expected.AmapApp, Encoding.UTF8.GetString(writer.AmapApp()));
            Assert.Equal(expected.AmapWeb, Encoding.UTF8.GetString(writer.AmapWeb()));
            Assert.Equal(expected.BaiduApp, Encoding.UTF8.GetString(writer.BaiduApp()));
            Assert.Equal(expected.BaiduWeb, Encoding.UTF8.GetString(writer.BaiduWeb()));
        }
    }

    [Fact]
    public void A_long_name_grows_the_buffers()
    {
        var name = string.Concat(Enumerable.Repeat("很长的站名", 200));
        var from = Coordinate.Wgs84(116.39, 39.9);
        var writer = new WalkingLinkWriter(from);
        writer.To(116.4, 39.91, Encoding.UTF8.GetBytes(name));
        Assert.Equal(NavigationLinks.Walking(from, Coordinate.Wgs84(116.4, 39.91), name).BaiduWeb, Encoding.UTF8.GetString(writer.BaiduWeb()));
    }
}
