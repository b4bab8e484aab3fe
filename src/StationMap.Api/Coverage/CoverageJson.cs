using StationMap.Coverage;
using StationMap.Coverage.Siting;
using StationMap.Geo;

namespace StationMap.Api.Coverage;

/// <summary>Response shapes; every coordinate leaves in the requested system, named in <c>coordsys</c>.</summary>
internal static class CoverageJson
{
    public static object Report(CoverageReport r, CoverageParameters p) => new
    {
        r.Adcode, r.Radius, cell = r.Edge, coordsys = p.Out.ToWire(),
        changedCells = r.Details.Sum(d => d.ChangedCells),
        region = Figures(r.Region, p.Out),
        districts = r.Districts.Select(d => Figures(d, p.Out)),
    };

    public static object Figures(CoverageFigures f, CoordSys sys) => new
    {
        f.Adcode, f.Name, f.Cells, area = Math.Round((f.ByArea ?? f).Weight), weighted = f.ByArea is not null, weight = Math.Round(f.Weight, 3),
        covered1 = Math.Round(f.Covered1, 6), covered2 = Math.Round(f.Covered2, 6),
        cellsCovered1 = Math.Round(f.CellsCovered1, 6), cellsCovered2 = Math.Round(f.CellsCovered2, 6),
        byArea = f.ByArea is { } a ? new { covered1 = Math.Round(a.Covered1, 6), covered2 = Math.Round(a.Covered2, 6) } : null,
        gap0 = new { cells = f.Gap0Cells, area = Math.Round((f.ByArea ?? f).Gap0Weight), weight = Math.Round(f.Gap0Weight, 3) },
        gap1 = new { cells = f.Gap1Cells, area = Math.Round((f.ByArea ?? f).Gap1Weight), weight = Math.Round(f.Gap1Weight, 3) },
        critical = f.Critical.Select(c =>
        {
            var (lng, lat) = Out(c.Lng, c.Lat, sys);
            return new { c.Id, c.Code, c.Name, lng, lat, loss1 = Math.Round(c.Loss1, 3), loss2 = Math.Round(c.Loss2, 3) };
        }),
    };

    public static object Siting(SitingResult s, CoverageParameters p, string? adcode) => new
    {
        adcode, p.Radius, cell = p.Cell, coordsys = p.Out.ToWire(), weight = Math.Round(s.Weight, 3), candidates = s.Candidates,
        baseObjective = Math.Round(s.BaseObjective, 3), optimumUpperBound = Math.Round(s.OptimumUpperBound, 3), covered1 = Math.Round(s.BaseCovered1, 6), covered2 = Math.Round(s.BaseCovered2, 6),
        picks = s.Picks.Select(k =>
        {
            var (lng, lat) = Out(k.Lng, k.Lat, p.Out);
            return new { k.Rank, lng, lat, k.Label, gain = Math.Round(k.Gain, 3), objective = Math.Round(k.Objective, 3), covered1 = Math.Round(k.Covered1, 6), covered2 = Math.Round(k.Covered2, 6) };
        }),
        curve = s.Curve.Select(c => new { added = c.Added, covered1 = Math.Round(c.Covered1, 6), covered2 = Math.Round(c.Covered2, 6) }),
    };

    public static (double Lng, double Lat) Out(double lng, double lat, CoordSys sys)
    {
        CoordConvert.Convert(CoordSys.Wgs84, sys, lng, lat, out var x, out var y);
        return (Math.Round(x, 7), Math.Round(y, 7));
    }
}
