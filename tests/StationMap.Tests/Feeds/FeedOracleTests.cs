using System.Globalization;
using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;
using StationMap.Tests.Geo;

namespace StationMap.Tests.Feeds;

/// <summary>Exported coordinates checked against an independent implementation (npm gcoord, through the Geo oracle harness).</summary>
public sealed class FeedOracleTests
{
    private static readonly FeedProfileCatalog Catalog = FeedProfileCatalog.Load(null);

    [Fact]
    public void Amap_and_baidu_feed_coordinates_agree_with_gcoord()
    {
        var points = ChinaPoints.WellInside(200, margin: 0.5, seed: 66);
        var oracle = GcoordOracle.Run(points);
        var amap = new FeedRowBuilder(Catalog.Find("amap-yuntu")!, FeedStations.Lookups);
        var baidu = new FeedRowBuilder(Catalog.Find("baidu-geotable")!, FeedStations.Lookups);
        for (var i = 0; i < points.Count; i++)
        {
            var station = FeedStations.Make(i + 1, $"P{i}", "站", "址", "110108", points[i].Lng, points[i].Lat);
            var location = ((string)amap.Build(station).Row!.Cells[2]).Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var bd = baidu.Build(station).Row!.Cells;
            var (gLng, gLat) = GcoordOracle.Pair(oracle[i][0]);
            var (bLng, bLat) = GcoordOracle.Pair(oracle[i][2]);
            // Six decimals: rounding (5e-7) plus the 1e-6 agreement of the two implementations.
            Assert.InRange(Math.Abs(location[0] - gLng), 0, 1.5e-6);
            Assert.InRange(Math.Abs(location[1] - gLat), 0, 1.5e-6);
            Assert.InRange(Math.Abs((double)bd[2] - bLng), 0, 1.5e-6);
            Assert.InRange(Math.Abs((double)bd[3] - bLat), 0, 1.5e-6);
        }
    }
}
