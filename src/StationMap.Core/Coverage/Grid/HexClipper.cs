using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace StationMap.Coverage.Grid;

/// <summary>
/// Area of (hexagon ∩ district) by Green's theorem: ½∮(x dy − y dx) over the border edges clipped to the hexagon
/// plus the hexagon's sides cut where the border crosses them, keeping the pieces whose midpoint is inside.
/// Coordinates are taken relative to the cell centre so the cross products stay small.
/// </summary>
internal sealed class HexClipper(RingEdges rings, IPointOnGeometryLocator locator, double edge)
{
    private readonly double[] _vx = new double[7], _vy = new double[7];
    private readonly List<int> _near = [];
    private readonly List<double> _cuts = [];
    private readonly int[] _seen = new int[rings.Count];
    private int _stamp;

    public double AreaInside(double cx, double cy, out bool crossed)
    {
        for (var i = 0; i < 6; i++)
        {
            var a = (30 + 60 * i) * Math.PI / 180;
            _vx[i] = edge * Math.Cos(a);
            _vy[i] = edge * Math.Sin(a);
        }
        _vx[6] = _vx[0]; _vy[6] = _vy[0];
        rings.Near(cx - edge, cy - edge, cx + edge, cy + edge, _near, _seen, ++_stamp);

        double twice = 0;
        crossed = false;
        foreach (var e in _near)
        {
            double ax = rings.Ax[e] - cx, ay = rings.Ay[e] - cy, dx = rings.Bx[e] - rings.Ax[e], dy = rings.By[e] - rings.Ay[e];
            if (!ClipToHexagon(ax, ay, dx, dy, out var t0, out var t1)) continue;
            crossed = true;
            double px = ax + t0 * dx, py = ay + t0 * dy, qx = ax + t1 * dx, qy = ay + t1 * dy;
            twice += px * qy - qx * py;
        }
        if (!crossed)
            return locator.Locate(new Coordinate(cx, cy)) == Location.Interior ? 1.5 * Math.Sqrt(3) * edge * edge : 0;

        for (var i = 0; i < 6; i++)
        {
            double sx = _vx[i], sy = _vy[i], ux = _vx[i + 1] - sx, uy = _vy[i + 1] - sy;
            _cuts.Clear();
            _cuts.Add(0);
            _cuts.Add(1);
            foreach (var e in _near)
            {
                double ax = rings.Ax[e] - cx, ay = rings.Ay[e] - cy, dx = rings.Bx[e] - rings.Ax[e], dy = rings.By[e] - rings.Ay[e];
                var den = ux * dy - uy * dx;
                if (den == 0) continue;
                double wx = ax - sx, wy = ay - sy;
                double s = (wx * dy - wy * dx) / den, t = (wx * uy - wy * ux) / den;
                if (s > 0 && s < 1 && t >= 0 && t <= 1) _cuts.Add(s);
            }
            _cuts.Sort();
            for (var k = 0; k + 1 < _cuts.Count; k++)
            {
                double s0 = _cuts[k], s1 = _cuts[k + 1];
                if (s1 - s0 < 1e-12) continue;
                var m = (s0 + s1) / 2;
                if (locator.Locate(new Coordinate(cx + sx + m * ux, cy + sy + m * uy)) != Location.Interior) continue;
                double px = sx + s0 * ux, py = sy + s0 * uy, qx = sx + s1 * ux, qy = sy + s1 * uy;
                twice += px * qy - qx * py;
            }
        }
        return Math.Max(0, twice / 2);
    }

    /// <summary>Cyrus–Beck: the part t0..t1 of a + t·d (0 ≤ t ≤ 1) inside the convex counter-clockwise hexagon.</summary>
    private bool ClipToHexagon(double ax, double ay, double dx, double dy, out double t0, out double t1)
    {
        t0 = 0; t1 = 1;
        for (var i = 0; i < 6; i++)
        {
            double ex = _vx[i + 1] - _vx[i], ey = _vy[i + 1] - _vy[i];
            // Inside is on the left of each side: cross(e, p − v) ≥ 0.
            var num = ex * (ay - _vy[i]) - ey * (ax - _vx[i]);
            var den = ex * dy - ey * dx;
            if (den == 0)
            {
                if (num < 0) return false;
                continue;
            }
            var t = -num / den;
            if (den > 0) t0 = Math.Max(t0, t);
            else t1 = Math.Min(t1, t);
            if (t0 >= t1) return false;
        }
        return true;
    }
}
