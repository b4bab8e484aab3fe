using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Spectre.Console;
using StationMap.Coverage;
using StationMap.Coverage.Boundaries;
using StationMap.Coverage.Grid;

namespace StationMap.Cli.Coverage;

/// <summary>
/// `stationmap coverage --adcode 110000 | --region FILE [--weights FILE] [--coordsys wgs84] [--radius 1000] [--cell 100] [--out DIR]`: figures per district, streamed
/// district by district (cells of one district at a time), with a progress bar; --out writes coverage-ADCODE.xlsx. --adcode 000000 runs every district that has a boundary and at least one station nearby.
/// </summary>
public static class CoverageCommand
{
    public static Command Create(Func<NpgsqlDataSource>? openDb = null)
    {
        var adcode = new Option<string>("--adcode") { Description = "行政区划代码 / area code (000000 = every district with a station); or --region FILE" };
        var radius = new Option<double>("--radius") { Description = "服务半径 m / service radius in metres", DefaultValueFactory = _ => 1000 };
        var cell = new Option<double>("--cell") { Description = "六边形边长 m / hexagon edge in metres", DefaultValueFactory = _ => HexGrid.DefaultEdge };
        var output = new Option<DirectoryInfo?>("--out") { Description = "输出目录 / output folder" };
        var inputs = new CoverageInputs();
        var command = new Command("coverage", "双15 覆盖分析 / coverage per district") { adcode, radius, cell, output };
        foreach (var o in inputs.All) command.Options.Add(o);
        command.SetSafeAction(async (p, ct) =>
        {
            var (code, r, edge) = (p.GetValue(adcode) ?? "", p.GetValue(radius), p.GetValue(cell));
            var (uploaded, layer) = inputs.Read(p, code);
            Validate(uploaded is null ? code : null, r, edge);
            await using var ds = (openDb ?? CliDatabase.OpenDataSource)();
            var clock = Stopwatch.StartNew();
            var stations = await CoverageStationReader.ReadAsync(ds, null, ct);
            var all = new StationsByLongitude(stations);
            var districts = uploaded is not null ? uploaded.Districts
                : code == "000000"
                ? [.. DistrictBoundaries.LoadDefault().All.Where(d => all.Near(d.Outline.EnvelopeInternal, r).Any())]
                : DistrictBoundaries.LoadDefault().Within(code);
            if (districts.Count == 0) throw new CliException($"no district boundaries for {code} / 没有 {code} 的边界数据");

            var reach = new SpheroidRadius(r);
            // Per district: counts, the layer's weights and the summary (tally, critical stations); cells are dropped after.
            var summaries = new DistrictSummary[districts.Count];
            long cells = 0;
            var peak = 0L;
            await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"{districts.Count} districts", maxValue: districts.Count);
                    await Parallel.ForEachAsync(Enumerable.Range(0, districts.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
                        (i, _) =>
                        {
                            var d = districts[i];
                            var coverage = DistrictCoverage.Build(d, edge, reach, all.Near(d.Outline.EnvelopeInternal, r));
                            var result = new DistrictResult(coverage, coverage.Counts, [.. coverage.Stations], 0).Weigh(layer);
                            summaries[i] = DistrictSummary.Of(result, Critical);
                            Interlocked.Add(ref cells, coverage.Cells.Count);
                            task.Increment(1);
                            var ws = Environment.WorkingSet;
                            if (ws > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, ws);
                            return ValueTask.CompletedTask;
                        });
                });
            var elapsed = clock.Elapsed.TotalSeconds;
            // Added in district order, as the API adds them: the same sums give the same shares.
            var summary = new CoverageSummary(Critical);
            var figures = summaries.Select(summary.Add).ToArray();
            var (regionCode, regionName) = uploaded is not null ? (uploaded.Adcode, uploaded.Name)
                : (code, code == "000000" ? "全国 China" : StationMap.Divisions.AdministrativeDivisions.LoadDefault().Find(code)?.Name ?? code);
            var total = summary.Region(regionCode, regionName, weighted: layer is not null);
            Print(figures.Length <= 40 ? figures : [], total);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"{districts.Count} districts, {cells:N0} cells, {stations.Count:N0} stations in {elapsed:0.00} s ({cells / elapsed:N0} cells/s), peak working set {Math.Max(peak, Environment.WorkingSet) / 1048576} MB");
            var name = uploaded is not null ? CoverageInputs.Stem(p.GetValue(inputs.Region)!) : code;
            if (p.GetValue(output) is { } dir) Write(dir, name, regionCode, r, edge, total, figures);
            return 0;
        });
        return command;
    }

    /// <summary>Critical stations listed per district and for the whole region (the API's default).</summary>
    private const int Critical = 10;

    /// <param name="code">The adcode; null for an uploaded region.</param>
    internal static void Validate(string? code, double radius, double edge)
    {
        if (code is not null && (code.Length != 6 || !code.All(char.IsAsciiDigit))) throw new CliException($"--adcode must be 6 digits / 行政区划代码须为6位数字: {code}");
        if (radius is < 100 or > 5000) throw new CliException("--radius must be 100..5000 / 半径须为 100..5000");
        if (edge is < HexGrid.MinEdge or > HexGrid.MaxEdge) throw new CliException("--cell must be 25..2000 / 格子边长须为 25..2000");
    }

    private static void Print(IEnumerable<CoverageFigures> rows, CoverageFigures total)
    {
        // With a layer, ≥1/≥2 by area stay beside the weighted shares; areas are always m² by area.
        var weighted = total.ByArea is not null;
        var table = new Table().AddColumns("adcode", "name", "cells", "km²", "≥1", "≥2");
        if (weighted) table.AddColumns("weight", "≥1 w", "≥2 w");
        table.AddColumns("gap0 km²", "gap1 km²");
        foreach (var f in rows.Append(total))
        {
            var area = f.ByArea ?? f;
            var row = new List<string>
            {
                f.Adcode, Markup.Escape(f.Name), f.Cells.ToString("N0", CultureInfo.InvariantCulture), Km2(area.Weight),
                area.Covered1.ToString("P1", CultureInfo.InvariantCulture), area.Covered2.ToString("P1", CultureInfo.InvariantCulture),
            };
            if (weighted)
                row.AddRange([f.Weight.ToString("N1", CultureInfo.InvariantCulture), f.Covered1.ToString("P1", CultureInfo.InvariantCulture), f.Covered2.ToString("P1", CultureInfo.InvariantCulture)]);
            row.AddRange([Km2(area.Gap0Weight), Km2(area.Gap1Weight)]);
            table.AddRow([.. row]);
        }
        AnsiConsole.Write(table);
        if (weighted)
            AnsiConsole.WriteLine("weight, ≥1 w, ≥2 w: 按权重图层 / by the weight layer (Σ weight × km²); km², ≥1, ≥2 and gaps by area / 面积");
    }

    private static string Km2(double m2) => (m2 / 1e6).ToString("N1", CultureInfo.InvariantCulture);

    private static void Write(DirectoryInfo dir, string name, string code, double radius, double edge, CoverageFigures total, CoverageFigures[] figures)
    {
        dir.Create();
        var report = new CoverageReport(code, radius, edge, total, figures, []);
        var path = Path.Combine(dir.FullName, $"coverage-{name}.xlsx");
        using (var xlsx = File.Create(path)) CoverageWorkbook.Write(xlsx, report);
        AnsiConsole.MarkupLineInterpolated($"wrote {path}");
    }
}

/// <summary>All stations sorted by longitude: a district takes the slice within its box grown by the radius.</summary>
internal sealed class StationsByLongitude(IEnumerable<CoverageStation> stations)
{
    private readonly CoverageStation[] _sorted = [.. stations.OrderBy(s => s.Lng)];

    public IEnumerable<CoverageStation> Near(NetTopologySuite.Geometries.Envelope box, double metres)
    {
        var grown = CoverageStationReader.Grow(box, metres);
        var lo = Array.BinarySearch(_sorted, new CoverageStation(0, "", "", grown.MinX, 0), ByLng.Instance);
        for (var i = lo < 0 ? ~lo : lo; i < _sorted.Length && _sorted[i].Lng <= grown.MaxX; i++)
            if (_sorted[i].Lat >= grown.MinY && _sorted[i].Lat <= grown.MaxY) yield return _sorted[i];
    }

    private sealed class ByLng : IComparer<CoverageStation>
    {
        public static readonly ByLng Instance = new();
        public int Compare(CoverageStation? a, CoverageStation? b) => a!.Lng.CompareTo(b!.Lng);
    }
}
