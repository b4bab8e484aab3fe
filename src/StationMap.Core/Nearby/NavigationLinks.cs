using System.Text;
using StationMap.Geo;

namespace StationMap.Nearby;

/// <summary>Walking-navigation links for the Amap and Baidu apps and their web pages.</summary>
public sealed record NavigationLinks(string AmapApp, string AmapWeb, string BaiduApp, string BaiduWeb)
{
    /// <summary>
    /// Each app gets the destination in its own system: Amap GCJ-02 (dev=0 / coordinate=gaode),
    /// Baidu BD-09 (coord_type=bd09ll). The worker's position is the origin. The URL templates live in
    /// <see cref="WalkingLinkWriter"/>, which the JSON path uses without strings.
    /// </summary>
    public static NavigationLinks Walking(Coordinate from, Coordinate to, string name)
    {
        var destination = to.To(CoordSys.Wgs84);
        var writer = new WalkingLinkWriter(from);
        writer.To(destination.Lng, destination.Lat, Encoding.UTF8.GetBytes(name));
        return new NavigationLinks(
            Encoding.UTF8.GetString(writer.AmapApp()), Encoding.UTF8.GetString(writer.AmapWeb()),
            Encoding.UTF8.GetString(writer.BaiduApp()), Encoding.UTF8.GetString(writer.BaiduWeb()));
    }
}
