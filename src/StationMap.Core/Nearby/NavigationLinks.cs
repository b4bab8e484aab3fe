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
            var (gcj, bd) = Ends(from);
            _amapApp = string.Create(Invariant, $"amapuri://route/plan/?sourceApplication=stationmap&slat={F(gcj.Lat)}&slon={F(gcj.Lng)}&sname={Me}");
            _amapWeb = string.Create(Invariant, $"https://uri.amap.com/navigation?from={F(gcj.Lng)},{F(gcj.Lat)},{Me}");
            _baiduRoute = string.Create(Invariant, $"?origin=latlng:{F(bd.Lat)},{F(bd.Lng)}|name:{Me}");
        }

        public NavigationLinks To(Coordinate to, string name)
        {
            var (gcj, bd) = Ends(to);
            // Each number is formatted once for the links that share it (formatting is most of a link's cost).
            var (gLat, gLng, bLat, bLng) = (F(gcj.Lat), F(gcj.Lng), F(bd.Lat), F(bd.Lng));
            var n = Uri.EscapeDataString(name);
            var baiduRoute = $"{_baiduRoute}&destination=latlng:{bLat},{bLng}|name:{n}&coord_type=bd09ll&mode=walking";
            return new NavigationLinks(
                $"{_amapApp}&dlat={gLat}&dlon={gLng}&dname={n}&dev=0&t=2",
                $"{_amapWeb}&to={gLng},{gLat},{n}&mode=walk&coordinate=gaode&callnative=1&src=stationmap",
                $"baidumap://map/direction{baiduRoute}&src=stationmap",
                $"https://api.map.baidu.com/direction{baiduRoute}&region=&output=html&src=stationmap");
        }
    }

    private static (Coordinate Gcj, Coordinate Bd) Ends(Coordinate c) => (c.To(CoordSys.Gcj02), c.To(CoordSys.Bd09));

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static SixDecimals F(double v) => new(v);
}
