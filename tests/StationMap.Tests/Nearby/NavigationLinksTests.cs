using System.Globalization;
using StationMap.Geo;
using StationMap.Nearby;

namespace StationMap.Tests.Nearby;

public class NavigationLinksTests
{
    [Theory]
    [InlineData("邮爱驿站（景山东路支局）", 116.3975, 39.9087, 116.4100, 39.9200)]
    [InlineData("A&B \"quoted\" <tag> 100% ~_.-!*'()", 121.4737, 31.2304, 121.5, 31.21)]
    [InlineData("Café 😀 #1/2?x=y", 113.2644, 23.1291, 113.27, 23.12)]
    [InlineData("outside China", 2.3522, 48.8566, 2.36, 48.85)]
    public void Each_app_gets_both_ends_in_its_own_system_and_the_name_percent_encoded(string name, double fromLng, double fromLat, double toLng, double toLat)
    {
        foreach (var sys in new[] { CoordSys.Wgs84, CoordSys.Gcj02, CoordSys.Bd09 })
        {
            var from = Coordinate.Wgs84(fromLng, fromLat).To(sys);
            var links = NavigationLinks.Walking(from, Coordinate.Wgs84(toLng, toLat), name);
            var (fromGcj, toGcj) = (from.To(CoordSys.Gcj02), Coordinate.Wgs84(toLng, toLat).To(CoordSys.Gcj02));
            var (fromBd, toBd) = (from.To(CoordSys.Bd09), Coordinate.Wgs84(toLng, toLat).To(CoordSys.Bd09));
            var n = Uri.EscapeDataString(name);
            var me = Uri.EscapeDataString("我的位置");
            Assert.Equal($"amapuri://route/plan/?sourceApplication=stationmap&slat={F(fromGcj.Lat)}&slon={F(fromGcj.Lng)}&sname={me}&dlat={F(toGcj.Lat)}&dlon={F(toGcj.Lng)}&dname={n}&dev=0&t=2", links.AmapApp);
            Assert.Equal($"https://uri.amap.com/navigation?from={F(fromGcj.Lng)},{F(fromGcj.Lat)},{me}&to={F(toGcj.Lng)},{F(toGcj.Lat)},{n}&mode=walk&coordinate=gaode&callnative=1&src=stationmap", links.AmapWeb);
            var route = $"?origin=latlng:{F(fromBd.Lat)},{F(fromBd.Lng)}|name:{me}&destination=latlng:{F(toBd.Lat)},{F(toBd.Lng)}|name:{n}&coord_type=bd09ll&mode=walking";
            Assert.Equal($"baidumap://map/direction{route}&src=stationmap", links.BaiduApp);
            Assert.Equal($"https://api.map.baidu.com/direction{route}&region=&output=html&src=stationmap", links.BaiduWeb);
        }
    }

    [Fact]
    public void A_long_name_is_encoded_whole()
    {
        var name = string.Concat(Enumerable.Repeat("很长的站名", 200));
        var links = NavigationLinks.Walking(Coordinate.Wgs84(116.39, 39.9), Coordinate.Wgs84(116.4, 39.91), name);
        Assert.EndsWith($"|name:{Uri.EscapeDataString(name)}&coord_type=bd09ll&mode=walking&region=&output=html&src=stationmap", links.BaiduWeb);
    }

    private static string F(double v) => v.ToString("0.000000", CultureInfo.InvariantCulture);
}
