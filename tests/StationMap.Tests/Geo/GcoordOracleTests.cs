using StationMap.Geo;

namespace StationMap.Tests.Geo;

/// <summary>
/// gcoord uses a bounding box for China where we use a polygon, so points are drawn at least 0.5° inside
/// our polygon, where both agree that the offset applies.
/// </summary>
public class GcoordOracleTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Forward_conversions_agree_with_gcoord_on_3000_points_well_inside_china()
    {
        var points = ChinaPoints.WellInside(3000, margin: 0.5, seed: 20240601);
        var rows = GcoordOracle.Run(points);
        Assert.Equal(points.Count, rows.Length);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            CoordConvert.Wgs84ToGcj02(p.Lng, p.Lat, out var gLng, out var gLat);
            CoordConvert.Gcj02ToBd09(p.Lng, p.Lat, out var bLng, out var bLat);
            CoordConvert.Wgs84ToBd09(p.Lng, p.Lat, out var wbLng, out var wbLat);
            AssertClose(GcoordOracle.Pair(rows[i][0]), (gLng, gLat), Tolerance, "WGS->GCJ", p);
            AssertClose(GcoordOracle.Pair(rows[i][1]), (bLng, bLat), Tolerance, "GCJ->BD", p);
            AssertClose(GcoordOracle.Pair(rows[i][2]), (wbLng, wbLat), Tolerance, "WGS->BD", p);
        }
    }

    [Fact]
    public void Bd09_to_bd09mc_agrees_with_gcoord_within_a_millimetre()
    {
        var points = ChinaPoints.WellInside(500, margin: 0.5, seed: 7);
        var rows = GcoordOracle.Run(points);
        for (var i = 0; i < points.Count; i++)
        {
            CoordConvert.Bd09ToBd09Mc(points[i].Lng, points[i].Lat, out var x, out var y);
            AssertClose(GcoordOracle.Pair(rows[i][3]), (x, y), 1e-3, "BD->BD09MC (metres)", points[i]);
        }
    }

    private static void AssertClose((double Lng, double Lat) expected, (double Lng, double Lat) actual, double tolerance, string what, ChinaPoint p)
    {
        if (Math.Abs(expected.Lng - actual.Lng) > tolerance || Math.Abs(expected.Lat - actual.Lat) > tolerance)
            Assert.Fail(what + " at " + p + ": gcoord " + expected + ", ours " + actual);
    }
}
