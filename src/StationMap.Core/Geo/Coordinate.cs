using System.Globalization;

namespace StationMap.Geo;

/// <summary>
/// A point that always carries its coordinate system, so a GCJ-02 point cannot be stored as WGS-84 by accident.
/// For <see cref="CoordSys.Bd09Mc"/>, <see cref="Lng"/> and <see cref="Lat"/> hold Baidu Mercator x and y in metres.
/// </summary>
public readonly record struct Coordinate(double Lng, double Lat, CoordSys Sys)
{
    public static Coordinate Wgs84(double lng, double lat) => new(lng, lat, CoordSys.Wgs84);
    public static Coordinate Gcj02(double lng, double lat) => new(lng, lat, CoordSys.Gcj02);
    public static Coordinate Bd09(double lng, double lat) => new(lng, lat, CoordSys.Bd09);

    /// <summary>The same place written in <paramref name="target"/>; see <see cref="CoordConvert"/> for the rules.</summary>
    public Coordinate To(CoordSys target)
    {
        CoordConvert.Convert(Sys, target, Lng, Lat, out var lng, out var lat);
        return new Coordinate(lng, lat, target);
    }

    /// <summary>Shorthand for storage, which is always WGS-84.</summary>
    public Coordinate ToWgs84() => To(CoordSys.Wgs84);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Lng:0.########},{Lat:0.########} ({Sys.ToWire()})");
}
