using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Spectre.Console;
using StationMap.Common;
using StationMap.Coverage;
using StationMap.Coverage.Boundaries;
using StationMap.Coverage.Grid;
using StationMap.Coverage.Points;
using StationMap.Coverage.Siting;
using StationMap.Geo;

namespace StationMap.Cli.Coverage;

/// <summary>
/// `stationmap siting --adcode 110108 | --region FILE --k 10 [--weights FILE] [--coordsys wgs84] [--radius 1000] [--cell 100]
/// [--candidates FILE] [--out DIR]`. With a weight layer the gains are in the layer's unit (Σ weight × km²), as in the API.
/// </summary>
public static class SitingCommand
{
    public static Command Create(Func<NpgsqlDataSource>? openDb = null)
    {
        var adcode = new Option<string>("--adcode") { Description = "行政区划代码 / area code; or --region FILE" };
        var k = new Option<int>("--k") { Description = "新增站点数 / stations to add", DefaultValueFactory = _ => 10 };
        var radius = new Option<double>("--radius") { Description = "服务半径 m / service radius in metres", DefaultValueFactory = _ => 1000 };
        var cell = new Option<double>("--cell") { Description = "六边形边长 m / hexagon edge in metres", DefaultValueFactory = _ => HexGrid.DefaultEdge };
        var candidates = new Option<FileInfo?>("--candidates") { Description = "候选点文件 CSV/xlsx/GeoJSON (lng, lat, coordsys, label)" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "输出目录 / output folder" };
        var command = new Command("siting", "新站选址（贪心，最大化交叉覆盖）/ where the next stations should go") { adcode, k, radius, cell, candidates, output };
        var inputs = new CoverageInputs();
        foreach (var o in inputs.All) command.Options.Add(o);
        command.SetSafeAction(async (p, ct) =>
        {
            var (code, r, edge, count) = (p.GetValue(adcode) ?? "", p.GetValue(radius), p.GetValue(cell), p.GetValue(k));
            var (region, layer) = inputs.Read(p, code);
            CoverageCommand.Validate(region is null ? code : null, r, edge);
            if (count is < 1 or > 500) throw new CliException("--k must be 1..500 / --k 须为 1..500");
            var districts = region?.Districts ?? DistrictBoundaries.LoadDefault().Within(code);
            if (districts.Count == 0) throw new CliException($"no district boundaries for {code} / 没有 {code} 的边界数据");
            List<SitingCandidate>? uploaded = null;
            if (p.GetValue(candidates) is { } file)
            {
                var errors = new List<FieldError>();
                using var stream = file.OpenRead();
                var points = DemandPointFile.Read(stream, file.Name, CoordSys.Wgs84, new StationMap.Import.ImportOptions(), errors)
                    ?? throw new CliException(string.Join("\n", errors.Take(20).Select(e => $"{e.Field}: {e.Message}")));
                uploaded = [.. Enumerable.Range(0, points.Count).Select(i => new SitingCandidate(points.Lng[i], points.Lat[i], points.Labels![i]))];
            }

            await using var ds = (openDb ?? CliDatabase.OpenDataSource)();
            var clock = Stopwatch.StartNew();
            var reach = new SpheroidRadius(r);
            SitingResult result = null!;
            await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                .StartAsync(async ctx =>
                {
                    var grid = ctx.AddTask("coverage", maxValue: districts.Count);
                    var details = new List<DistrictResult>();
                    foreach (var d in districts)
                    {
                        var stations = await CoverageStationReader.ReadAsync(ds, CoverageStationReader.Grow(d.Outline.EnvelopeInternal, r), ct);
                        var coverage = DistrictCoverage.Build(d, edge, reach, stations);
                        details.Add(new DistrictResult(coverage, coverage.Counts, [.. coverage.Stations], 0).Weigh(layer));
                        grid.Increment(1);
                    }
                    var picks = ctx.AddTask($"siting k={count}", maxValue: count);
                    var report = new CoverageReport(region?.Adcode ?? code, r, edge, null!, [], details);
                    result = SitingRunner.Run(report, uploaded, r, count, new Progress<int>(n => picks.Value = n));
                    picks.Value = count;
                });
            // Gains are m² by area, or with a layer in its unit (Σ weight × km²); the shares are of that weight.
            var table = new Table().AddColumns("#", "lng (wgs84)", "lat (wgs84)", "label", layer is null ? "gain m²" : "gain (weight)", "≥1", "≥2");
            table.AddRow("0", "", "", "today", "", result.BaseCovered1.ToString("P2", CultureInfo.InvariantCulture), result.BaseCovered2.ToString("P2", CultureInfo.InvariantCulture));
            foreach (var s in result.Picks)
                table.AddRow(s.Rank.ToString(CultureInfo.InvariantCulture), s.Lng.ToString("0.000000", CultureInfo.InvariantCulture), s.Lat.ToString("0.000000", CultureInfo.InvariantCulture),
                    Markup.Escape(s.Label ?? ""), s.Gain.ToString(layer is null ? "N0" : "N3", CultureInfo.InvariantCulture), s.Covered1.ToString("P2", CultureInfo.InvariantCulture), s.Covered2.ToString("P2", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            var final = result.Picks.Count > 0 ? result.Picks[^1].Objective : result.BaseObjective;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{result.Candidates:N0} candidates, {result.Picks.Count} picks in {clock.Elapsed.TotalSeconds:0.00} s; greedy is at least {final / result.OptimumUpperBound:P2} of the optimum");
            if (p.GetValue(output) is { } dir)
            {
                dir.Create();
                var path = Path.Combine(dir.FullName, $"siting-{(region is null ? code : CoverageInputs.Stem(p.GetValue(inputs.Region)!))}.csv");
                // With a BOM: Excel reads a UTF-8 CSV's Chinese labels only then.
                using (var csv = new StreamWriter(path, false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
                    SitingCsv.Write(csv, result.Picks, weighted: layer is not null);
                AnsiConsole.MarkupLineInterpolated($"wrote {path}");
            }
            return 0;
        });
        return command;
    }
}
