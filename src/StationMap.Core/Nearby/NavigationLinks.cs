using System.Globalization;
using StationMap.Geo;

namespace StationMap.Nearby;

/// <summary>Walking-navigation links for the Amap and Baidu apps and their web pages: the one place they are built.</summary>
public sealed record NavigationLinks(string AmapApp, string AmapWeb, string BaiduApp, string BaiduWeb)
{
    /// <summary>
    /// Each app gets both ends in its own system: Amap GCJ-02 (dev=0 / coordinate=gaode), Baidu BD-09
    /// (coord_type=bd09ll). The worker's position is the origin; coordinates have six decimals, as the apps expect.
    /// </summary>
    public static NavigationLinks Walking(Coordinate from, Coordinate to, string name) => From(from).To(to, name);

    /// <summary>The worker's end of every link, converted and formatted once for all the stations of an answer.</summary>
    public static Origin From(Coordinate from) => new(from);

    public sealed class Origin
    {
        private static readonly string Me = Uri.EscapeDataString("我的位置");
        private readonly string _amapApp, _amapWeb, _baiduRoute;

        internal Origin(Coordinate from)
        {
            var (gcj, bd) = (from.To(CoordSys.Gcj02), from.To(CoordSys.Bd09));
            _amapApp = $"amapuri://route/plan/?sourceApplication=stationmap&slat={F(gcj.Lat)}&slon={F(gcj.Lng)}&sname={Me}";
            _amapWeb = $"https://uri.amap.com/navigation?from={F(gcj.Lng)},{F(gcj.Lat)},{Me}";
            _baiduRoute = $"?origin=latlng:{F(bd.Lat)},{F(bd.Lng)}|name:{Me}";
        }

        public NavigationLinks To(Coordinate to, string name)
        {
            var (gcj, bd) = (to.To(CoordSys.Gcj02), to.To(CoordSys.Bd09));
            var n = Uri.EscapeDataString(name);
            var baiduRoute = $"{_baiduRoute}&destination=latlng:{F(bd.Lat)},{F(bd.Lng)}|name:{n}&coord_type=bd09ll&mode=walking";
            return new NavigationLinks(
                $"{_amapApp}&dlat={F(gcj.Lat)}&dlon={F(gcj.Lng)}&dname={n}&dev=0&t=2",
                $"{_amapWeb}&to={F(gcj.Lng)},{F(gcj.Lat)},{n}&mode=walk&coordinate=gaode&callnative=1&src=stationmap",
                $"baidumap://map/direction{baiduRoute}&src=stationmap",
                $"https://api.map.baidu.com/direction{baiduRoute}&region=&output=html&src=stationmap");
        }
    }

    private static string F(double v) => v.ToString("F6", CultureInfo.InvariantCulture);
}
