using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using StationMap.Coverage.Boundaries;

namespace StationMap.Coverage;

public sealed record DistrictResult(DistrictCoverage Coverage, int[] Counts, IReadOnlyList<CoverageStation> Stations, int ChangedCells)
{
    /// <summary>
    /// Each cell's weight in this request: its area in m², or with a weight layer Σ weight × overlap km². The one
    /// source the summary shares, the critical stations and siting all read.
    /// </summary>
    public double[] Weights { get; init; } = Coverage.Cells.Weight;

    /// <summary>Whether <see cref="Weights"/> come from a layer rather than the cells' areas.</summary>
    public bool Weighted => !ReferenceEquals(Weights, Coverage.Cells.Weight);

    /// <summary>This result weighed by an uploaded layer (Σ weight × overlap km² per cell); itself without one.</summary>
    public DistrictResult Weigh(IReadOnlyList<Grid.WeightPolygon>? layer) =>
        layer is null ? this : this with { Weights = Grid.LayerWeights.Weigh(Coverage.Cells, Coverage.District.Outline, layer) };
}

/// <summary>What to analyse: the districts inside an area code (stored, kept fresh) or one uploaded polygon (not stored).</summary>
public sealed record CoverageRegion(string Adcode, string Name, IReadOnlyList<DistrictBoundary> Districts, bool Stored)
{
    public const string UploadedCode = "upload";

    public static CoverageRegion Of(string adcode)
    {
        var districts = CoverageService.Boundaries.Within(adcode);
        var name = districts.Count == 1 ? districts[0].Name : StationMap.Divisions.AdministrativeDivisions.LoadDefault().Find(adcode)?.Name ?? adcode;
        return new CoverageRegion(adcode, name, districts, Stored: true);
    }

    public static CoverageRegion Uploaded(NetTopologySuite.Geometries.Geometry wgs84, string? name) =>
        new(UploadedCode, name ?? "上传区域 uploaded region", [new DistrictBoundary(UploadedCode, name ?? "上传区域 uploaded region", wgs84)], Stored: false);
}

public sealed record CoverageReport(string Adcode, double Radius, double Edge, CoverageFigures Region, IReadOnlyList<CoverageFigures> Districts,
    IReadOnlyList<DistrictResult> Details);

/// <summary>
/// Stored coverage: each (district, radius, cell size) is computed on first use and kept in memory. Every request
/// reads the district's stations (one indexed query) and <see cref="DistrictCoverage.Sync"/> applies only what
/// changed since, so stored counts follow station writes incrementally. What-if works on copies.
/// </summary>
public sealed class CoverageService(NpgsqlDataSource db, ILogger<CoverageService> log)
{
    public const int MaxCachedDistricts = 64;
    private readonly ConcurrentDictionary<(string, double, double), Lazy<Task<DistrictCoverage>>> _cache = new();
    private readonly ConcurrentDictionary<(string, double, double), SemaphoreSlim> _locks = new();

    public static DistrictBoundaries Boundaries => DistrictBoundaries.LoadDefault();

    public Task<CoverageReport> AnalyzeAsync(string adcode, double radius, double edge, WhatIfChanges whatIf, int criticalTop, CancellationToken ct) =>
        AnalyzeAsync(CoverageRegion.Of(adcode), radius, edge, whatIf, criticalTop, ct);

    /// <param name="weights">An uploaded layer: cells weigh Σ weight × overlap km² instead of their area, for the shares, the critical
    /// stations and (through <see cref="DistrictResult.Weights"/>) siting alike.</param>
    public async Task<CoverageReport> AnalyzeAsync(CoverageRegion area, double radius, double edge, WhatIfChanges whatIf, int criticalTop, CancellationToken ct,
        IReadOnlyList<Grid.WeightPolygon>? weights = null)
    {
        var (adcode, districts) = (area.Adcode, area.Districts);
        var results = new DistrictResult[districts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, districts.Count), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct },
            async (i, token) => results[i] = await DistrictAsync(districts[i], radius, edge, whatIf, area.Stored, token));

        if (weights is not null)
        {
            for (var i = 0; i < results.Length; i++)
            {
                var r = results[i];
                results[i] = await Task.Run(() => r.Weigh(weights), ct);
            }
        }

        var summary = new CoverageSummary(criticalTop);
        var figures = results.Select(r => summary.Add(DistrictSummary.Of(r, criticalTop))).ToList();
        return new CoverageReport(adcode, radius, edge, summary.Region(adcode, area.Name, weighted: weights is not null), figures, results);
    }

    private async Task<DistrictResult> DistrictAsync(DistrictBoundary district, double radius, double edge, WhatIfChanges whatIf, bool stored, CancellationToken ct)
    {
        var key = (district.Adcode, radius, edge);
        var reach = new SpheroidRadius(radius);
        var box = CoverageStationReader.Grow(district.Outline.EnvelopeInternal, reach.MaxStraightLineMetres);
        var stations = await CoverageStationReader.ReadAsync(db, box, ct);
        if (!stored)
        {
            // An uploaded polygon is computed for this request only.
            var once = await Task.Run(() => DistrictCoverage.Build(district, edge, reach, stations), ct);
            var (c, s) = whatIf.IsEmpty ? (once.Counts, [.. once.Stations]) : once.WhatIf(whatIf);
            return new DistrictResult(once, c, s, c.Where((n, i) => n != once.Counts[i]).Count());
        }
        if (_cache.Count >= MaxCachedDistricts && !_cache.ContainsKey(key)) _cache.Clear();
        var lazy = _cache.GetOrAdd(key, _ => new Lazy<Task<DistrictCoverage>>(() => Task.Run(() => DistrictCoverage.Build(district, edge, reach, stations))));
        DistrictCoverage coverage;
        try { coverage = await lazy.Value; }
        catch { _cache.TryRemove(key, out _); throw; }

        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1));
        await gate.WaitAsync(ct);
        try
        {
            var changed = coverage.Sync(stations);
            if (changed > 0) log.LogInformation("Coverage of {Adcode} updated for {Changed} changed stations", district.Adcode, changed);
            if (whatIf.IsEmpty) return new DistrictResult(coverage, (int[])coverage.Counts.Clone(), [.. coverage.Stations], 0);
            var (counts, after) = coverage.WhatIf(whatIf);
            var diff = 0;
            for (var i = 0; i < counts.Length; i++) if (counts[i] != coverage.Counts[i]) diff++;
            return new DistrictResult(coverage, counts, after, diff);
        }
        finally { gate.Release(); }
    }
}
