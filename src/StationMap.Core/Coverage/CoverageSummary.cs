namespace StationMap.Coverage;

/// <summary>
/// One district's part of a report: its tally by <see cref="DistrictResult.Weights"/>, by area when weighted, and its
/// critical stations. Made per district (in parallel if wanted), then added to a <see cref="CoverageSummary"/> in order.
/// </summary>
public sealed record DistrictSummary(CoverageFigures Figures, CoverageTally Tally, CoverageTally? ByArea, IReadOnlyList<CriticalStation> Critical)
{
    public static DistrictSummary Of(DistrictResult r, int criticalTop)
    {
        var tally = new CoverageTally();
        tally.Add(r.Weights, r.Counts);
        CoverageTally? byArea = null;
        if (r.Weighted)
        {
            byArea = new CoverageTally();
            byArea.Add(r.Coverage.Cells.Weight, r.Counts);
        }
        var list = CriticalStations.Find(r.Coverage.Index, r.Weights, r.Counts, r.Stations, r.Coverage.Reach, criticalTop * 4);
        var (code, name) = (r.Coverage.District.Adcode, r.Coverage.District.Name);
        var figures = tally.ToFigures(code, name, [.. list.Take(criticalTop)]) with { ByArea = byArea?.ToFigures(code, name, []) };
        return new DistrictSummary(figures, tally, byArea, list);
    }
}

/// <summary>
/// The region's figures from its districts' summaries: tallies added, critical stations' losses added per station.
/// The API (<see cref="CoverageService.AnalyzeAsync(CoverageRegion, double, double, WhatIfChanges, int, CancellationToken, IReadOnlyList{Grid.WeightPolygon}?)"/>)
/// and the CLI both report through it, so their figures are the same sums in the same order.
/// </summary>
public sealed class CoverageSummary(int criticalTop)
{
    private readonly CoverageTally _region = new();
    private readonly CoverageTally _regionByArea = new();
    private readonly Dictionary<long, CriticalStation> _critical = [];

    /// <summary>Adds a district; returns its figures.</summary>
    public CoverageFigures Add(DistrictSummary district)
    {
        _region.Add(district.Tally);
        if (district.ByArea is not null) _regionByArea.Add(district.ByArea);
        foreach (var c in district.Critical)
            _critical[c.Id] = _critical.TryGetValue(c.Id, out var prior) ? prior with { Loss1 = prior.Loss1 + c.Loss1, Loss2 = prior.Loss2 + c.Loss2 } : c;
        return district.Figures;
    }

    public CoverageFigures Region(string adcode, string name, bool weighted)
    {
        var top = _critical.Values.OrderByDescending(c => c.Loss1 + c.Loss2).ThenBy(c => c.Id).Take(criticalTop).ToList();
        return _region.ToFigures(adcode, name, top) with { ByArea = weighted ? _regionByArea.ToFigures(adcode, name, []) : null };
    }
}
