using NetTopologySuite.Geometries;
using StationMap.Geo;

namespace StationMap.Coverage.Uploads;

/// <summary>Converts every vertex of an uploaded geometry from its coordsys to WGS-84 in place (the Geo module's conversion).</summary>
public sealed class ToWgs84(CoordSys sys) : IEntireCoordinateSequenceFilter
{
    public bool Done => false;
    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq)
    {
        for (var i = 0; i < seq.Count; i++)
        {
            CoordConvert.Convert(sys, CoordSys.Wgs84, seq.GetX(i), seq.GetY(i), out var x, out var y);
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
