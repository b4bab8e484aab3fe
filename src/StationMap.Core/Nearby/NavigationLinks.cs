using System.Globalization;
using StationMap.Geo;

namespace StationMap.Nearby;

/// <summary>Walking-navigation links for the Amap and Baidu apps and their web pages: the one place they are built.</summary>
public sealed record NavigationLinks(string AmapApp, string AmapWeb, string BaiduApp, string BaiduWeb)
{
    private static readonly string Me = Uri.EscapeDataString("我的位置");

    /// <summary>
    /// Each app gets both ends in its own system: Amap GCJ-02 (dev=0 / coordinate=gaode), Baidu BD-09
    /// (coord_type=bd09ll). The worker's position is the origin; coordinates have six decimals, as the apps expect.
    /// </summary>
    public static NavigationLinks Walking(Coordinate from, Coordinate to, string name)
    {
        var (fromGcj, toGcj) = (from.To(CoordSys.Gcj02), to.To(CoordSys.Gcj02));
        var (fromBd, toBd) = (from.To(CoordSys.Bd09), to.To(CoordSys.Bd09));
        var n = Uri.EscapeDataString(name);
        var baiduRoute = $"?origin=latlng:{F(fromBd.Lat)},{F(fromBd.Lng)}|name:{Me}&destination=latlng:{F(toBd.Lat)},{F(toBd.Lng)}|name:{n}&coord_type=bd09ll&mode=walking";
        return new NavigationLinks(
            $"amapuri://route/plan/?sourceApplication=stationmap&slat={F(fromGcj.Lat)}&slon={F(fromGcj.Lng)}&sname={Me}&dlat={F(toGcj.Lat)}&dlon={F(toGcj.Lng)}&dname={n}&dev=0&t=2",
            $"https://uri.amap.com/navigation?from={F(fromGcj.Lng)},{F(fromGcj.Lat)},{Me}&to={F(toGcj.Lng)},{F(toGcj.Lat)},{n}&mode=walk&coordinate=gaode&callnative=1&src=stationmap",
            $"baidumap://map/direction{baiduRoute}&src=stationmap",
            $"https://api.map.baidu.com/direction{baiduRoute}&region=&output=html&src=stationmap");
    }

    private static string F(double v) => v.ToString("0.000000", CultureInfo.InvariantCulture);
}
