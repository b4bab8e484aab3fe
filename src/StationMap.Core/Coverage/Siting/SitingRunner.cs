namespace StationMap.Coverage.Siting;

/// <summary>
/// Siting over a whole report: the districts' cells become one demand set weighed as the report weighed them
/// (<see cref="DistrictResult.Weights"/>), candidates default to gap-cell centres.
/// </summary>
public static class SitingRunner
{
    public const int MaxGapCandidates = 30_000;

    public static SitingResult Run(CoverageReport report, IReadOnlyList<SitingCandidate>? candidates, double radius, int k, IProgress<int>? progress = null)
    {
        var details = report.Details;
        var weights = details.Count == 1 ? details[0].Weights : [.. details.SelectMany(d => d.Weights)];
        var demand = details.Count == 1 ? details[0].Coverage.Cells : new DemandSet
        {
            Lng = [.. details.SelectMany(d => d.Coverage.Cells.Lng)],
            Lat = [.. details.SelectMany(d => d.Coverage.Cells.Lat)],
            Weight = weights,
        };
        var counts = details.Count == 1 ? details[0].Counts : [.. details.SelectMany(d => d.Counts)];
        var index = details.Count == 1 ? details[0].Coverage.Index : new DemandIndex(demand, radius);
        candidates ??= GreedySiting.GapCellCentres(demand, counts, MaxGapCandidates);
        return GreedySiting.Run(index, weights, counts, candidates, new SpheroidRadius(radius), k, progress);
    }
}
