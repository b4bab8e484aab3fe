using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StationMap.Geo;

namespace StationMap.Tests.Geo;

[Properties(Arbitrary = [typeof(ChinaPoints)], MaxTest = 2000)]
public class RoundTripProperties
{
    private const double Mm = 5e-9; // degrees: under 0.6 mm on the ground

    [Property]
    public bool Wgs84_to_gcj02_and_back_returns_within_a_millimetre(ChinaPoint p)
    {
        CoordConvert.Wgs84ToGcj02(p.Lng, p.Lat, out var gLng, out var gLat);
        CoordConvert.Gcj02ToWgs84(gLng, gLat, out var lng, out var lat);
        return Math.Abs(lng - p.Lng) < Mm && Math.Abs(lat - p.Lat) < Mm;
    }

    [Property]
    public bool Wgs84_to_bd09_and_back_returns_within_a_millimetre(ChinaPoint p)
    {
        CoordConvert.Wgs84ToBd09(p.Lng, p.Lat, out var bLng, out var bLat);
        CoordConvert.Bd09ToWgs84(bLng, bLat, out var lng, out var lat);
        return Math.Abs(lng - p.Lng) < Mm && Math.Abs(lat - p.Lat) < Mm;
    }

    [Property]
    public bool Gcj02_to_bd09_and_back_returns_within_a_millimetre(ChinaPoint p)
    {
        CoordConvert.Gcj02ToBd09(p.Lng, p.Lat, out var bLng, out var bLat);
        CoordConvert.Bd09ToGcj02(bLng, bLat, out var lng, out var lat);
        return Math.Abs(lng - p.Lng) < Mm && Math.Abs(lat - p.Lat) < Mm;
    }

    [Property]
    public bool Generic_convert_agrees_with_the_fast_paths(ChinaPoint p)
    {
        var viaType = Coordinate.Wgs84(p.Lng, p.Lat).To(CoordSys.Bd09);
        CoordConvert.Wgs84ToBd09(p.Lng, p.Lat, out var lng, out var lat);
        return viaType.Lng == lng && viaType.Lat == lat && viaType.Sys == CoordSys.Bd09;
    }

    [Property]
    public Property Wgs84_to_gcj02_is_continuous_a_small_step_moves_the_output_a_similar_amount(ChinaPoint p)
    {
        const double step = 1e-4; // about 10 m
        CoordConvert.Wgs84ToGcj02(p.Lng, p.Lat, out var a, out var b);
        CoordConvert.Wgs84ToGcj02(p.Lng + step, p.Lat + step, out var c, out var d);
        // The offset changes by at most a few tenths of a percent of the step — but only inside the offset region:
        // crossing its edge (a step out to sea) jumps by the whole offset, as GCJ-02 does.
        var stepStaysInside = ChinaRegion.IsInOffsetRegion(p.Lng + step, p.Lat + step);
        return (Math.Abs(c - a - step) < 0.01 * step && Math.Abs(d - b - step) < 0.01 * step).When(stepStaysInside);
    }

    [Property]
    public bool Increasing_longitude_increases_gcj02_longitude_locally(ChinaPoint p)
    {
        CoordConvert.Wgs84ToGcj02(p.Lng, p.Lat, out var a, out var b);
        CoordConvert.Wgs84ToGcj02(p.Lng + 1e-6, p.Lat, out var c, out _);
        CoordConvert.Wgs84ToGcj02(p.Lng, p.Lat + 1e-6, out _, out var d);
        return c > a && d > b;
    }
}
