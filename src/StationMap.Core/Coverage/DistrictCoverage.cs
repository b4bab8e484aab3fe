using StationMap.Coverage.Boundaries;
using StationMap.Coverage.Grid;

namespace StationMap.Coverage;

/// <summary>
/// A district's cells with their counts and the stations they were counted from. <see cref="Sync"/> brings it up to
/// date with a new station list by applying only the differences (−1 where a station was, +1 where it is), so a
/// changed station touches only the cells within reach of its old and new place.
/// </summary>
public sealed class DistrictCoverage
{
    private readonly Dictionary<long, CoverageStation> _stations;
    private readonly List<int> _touched = [];

    public DistrictCoverage(DistrictBoundary district, DemandSet cells, ICoverageReach reach, IEnumerable<CoverageStation> stations)
    {
        District = district;
        Cells = cells;
        Reach = reach;
        Index = new DemandIndex(cells, reach.MaxStraightLineMetres);
        _stations = stations.ToDictionary(s => s.Id);
        Counts = CoverageCounts.Count(Index, _stations.Values, reach);
    }

    public static DistrictCoverage Build(DistrictBoundary district, double edge, ICoverageReach reach, IEnumerable<CoverageStation> stations) =>
        new(district, HexGrid.Build(district.Outline, edge), reach, stations);

    public DistrictBoundary District { get; }
    public DemandSet Cells { get; }
    public DemandIndex Index { get; }
    public ICoverageReach Reach { get; }
    public int[] Counts { get; }
    public IReadOnlyCollection<CoverageStation> Stations => _stations.Values;

    /// <summary>Applies the difference to <paramref name="current"/>; returns how many stations changed.</summary>
    public int Sync(IEnumerable<CoverageStation> current)
    {
        var now = current.ToDictionary(s => s.Id);
        var changed = 0;
        foreach (var (id, old) in _stations.ToList())
        {
            if (now.TryGetValue(id, out var s) && s.Lng == old.Lng && s.Lat == old.Lat)
            {
                _stations[id] = s;
                continue;
            }
            CoverageCounts.Apply(Counts, Index, old.Lng, old.Lat, Reach, -1, _touched);
            _stations.Remove(id);
            changed++;
        }
        foreach (var (id, s) in now)
        {
            if (_stations.ContainsKey(id)) continue;
            CoverageCounts.Apply(Counts, Index, s.Lng, s.Lat, Reach, +1, _touched);
            _stations[id] = s;
            changed++;
        }
        return changed;
    }

    /// <summary>Counts with hypothetical changes applied to a copy; nothing stored changes.</summary>
    public (int[] Counts, List<CoverageStation> Stations) WhatIf(WhatIfChanges changes)
    {
        var counts = (int[])Counts.Clone();
        var stations = new Dictionary<long, CoverageStation>(_stations);
        foreach (var id in changes.Closed.Concat(changes.Moved.Select(m => m.Id)))
        {
            if (!stations.Remove(id, out var s)) continue;
            CoverageCounts.Apply(counts, Index, s.Lng, s.Lat, Reach, -1, _touched);
        }
        var next = -1L;
        foreach (var m in changes.Moved)
        {
            var s = new CoverageStation(m.Id, "", m.Label ?? "", m.Lng, m.Lat);
            stations[m.Id] = s;
            CoverageCounts.Apply(counts, Index, s.Lng, s.Lat, Reach, +1, _touched);
        }
        foreach (var a in changes.Added)
        {
            var s = new CoverageStation(next, "", a.Label ?? "", a.Lng, a.Lat);
            stations[next--] = s;
            CoverageCounts.Apply(counts, Index, s.Lng, s.Lat, Reach, +1, _touched);
        }
        return (counts, [.. stations.Values]);
    }

    public CoverageFigures Figures(int[] counts, IEnumerable<CoverageStation> stations, int criticalTop)
    {
        var tally = new CoverageTally();
        tally.Add(Cells, counts);
        return tally.ToFigures(District.Adcode, District.Name, CriticalStations.Find(Index, Cells.Weight, counts, stations, Reach, criticalTop));
    }
}

/// <summary>Hypothetical changes (WGS-84): stations closed or moved by id, new stations added. Never written.</summary>
public sealed record WhatIfChanges(IReadOnlyList<long> Closed, IReadOnlyList<WhatIfPlace> Moved, IReadOnlyList<WhatIfPlace> Added)
{
    public static readonly WhatIfChanges None = new([], [], []);
    public bool IsEmpty => Closed.Count == 0 && Moved.Count == 0 && Added.Count == 0;
}

/// <summary>A place for a moved (Id = the station) or added (Id ignored) station.</summary>
public sealed record WhatIfPlace(long Id, double Lng, double Lat, string? Label);
