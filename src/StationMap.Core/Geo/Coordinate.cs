namespace StationMap.Geo;

// TEMPORARY placeholder until the Geo module lands; replaced wholesale by the geo branch.
public readonly record struct Coordinate(double Lng, double Lat, CoordSys Sys)
{
    public Coordinate To(CoordSys target) => target == Sys ? this : throw new NotSupportedException("pending geo module");
}
