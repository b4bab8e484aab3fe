using StationMap.Coverage.Siting;

namespace StationMap.Coverage;

/// <summary>
/// Whether every sum and share of a result is a finite number. The weight bounds keep sums finite; this is the guard
/// behind them, so an infinite sum (and the NaN shares it makes) is refused as bad input instead of failing the JSON writer.
/// </summary>
public static class FiniteFigures
{
    public static bool IsFinite(this CoverageReport report) => report.Region.IsFinite() && report.Districts.All(IsFinite);

    public static bool IsFinite(this CoverageFigures f) =>
        AllFinite(f.Weight, f.Covered1, f.Covered2, f.CellsCovered1, f.CellsCovered2, f.Gap0Weight, f.Gap1Weight)
        && f.Critical.All(c => AllFinite(c.Loss1, c.Loss2))
        && (f.ByArea is null || f.ByArea.IsFinite());

    public static bool IsFinite(this SitingResult r) =>
        AllFinite(r.Weight, r.BaseObjective, r.BaseCovered1, r.BaseCovered2, r.OptimumUpperBound)
        && r.Picks.All(p => AllFinite(p.Gain, p.Objective, p.Covered1, p.Covered2));

    private static bool AllFinite(params ReadOnlySpan<double> values)
    {
        foreach (var v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
