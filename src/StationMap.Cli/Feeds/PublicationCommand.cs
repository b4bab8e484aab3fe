using System.CommandLine;
using Spectre.Console;
using StationMap.Auth;
using StationMap.Feeds;
using StationMap.Publication;

namespace StationMap.Cli.Feeds;

/// <summary>`stationmap publication import RESULTFILE --provider amap`, `stationmap publication summary [--adcode] [--xlsx FILE]`.</summary>
internal static class PublicationCommand
{
    public static Command Create()
    {
        var publication = new Command("publication", "上图状态 / publication status with the map providers");

        var file = new Argument<string>("resultfile") { Description = "服务商结果文件 / provider result file (CSV or xlsx)" };
        var provider = new Option<string>("--provider") { Description = "amap | baidu", Required = true };
        var import = new Command("import", "导入服务商结果 / read a provider's result file") { file, provider };
        import.SetSafeAction(async (p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!File.Exists(path)) throw new CliException($"file not found / 文件不存在: {path}");
            await using var ds = CliDatabase.OpenDataSource();
            await using var db = CliDatabase.OpenDb(ds);
            await using var stream = File.OpenRead(path);
            var report = await new PublicationService(db, new StationMap.Import.ImportOptions(), CliFeeds.Catalog(CliFeeds.Options())).ImportAsync(stream, Path.GetFileName(path), p.GetValue(provider)!, StaffIdentity.System("cli"), ct);
            Console.WriteLine($"{report.Rows} rows, {report.Matched} matched, {report.Updated} updated, {report.Unmatched.Count} unmatched");
            foreach (var u in report.Unmatched)
                Console.WriteLine($"  row {u.Row}: {u.Code ?? u.Name}: {u.Reason}");
            return report.Unmatched.Count == 0 ? 0 : 1;
        });

        var adcode = new Option<string>("--adcode") { Description = "行政区 / area (default: all)", DefaultValueFactory = _ => "000000" };
        var xlsx = new Option<string?>("--xlsx") { Description = "另存为 xlsx / also write the report to this xlsx file" };
        var summary = new Command("summary", "上图率报表 / per-district publication report") { adcode, xlsx };
        summary.SetSafeAction(async (p, ct) =>
        {
            var area = p.GetValue(adcode)!;
            if (!FeedScope.IsAdcode(area)) throw new CliException($"--adcode must be 6 digits / 须为6位数字: '{area}'");
            await using var ds = CliDatabase.OpenDataSource();
            await using var db = CliDatabase.OpenDb(ds);
            var result = await new PublicationReport(db, CliFeeds.Catalog(CliFeeds.Options())).SummaryAsync(area, ct);
            Print(result);
            if (p.GetValue(xlsx) is { } path) await File.WriteAllBytesAsync(path, PublicationSheet.Write(result), ct);
            return 0;
        });

        publication.Subcommands.Add(import);
        publication.Subcommands.Add(summary);
        return publication;
    }

    private static void Print(PublicationSummary s)
    {
        var table = new Table().AddColumns("adcode", "区县", "stations", "public active");
        foreach (var p in s.Total.Providers) table.AddColumns($"{p.Provider} submitted", $"{p.Provider} online", $"{p.Provider} rejected", $"{p.Provider} 上图率");
        foreach (var d in s.Districts.Append(s.Total))
            table.AddRow([d.Adcode, Markup.Escape(d.Name), d.Stations.ToString(), d.PublicActive.ToString(),
                .. d.Providers.SelectMany(p => new[] { p.Submitted.ToString(), p.Online.ToString(), p.Rejected.ToString(), p.OnlineRate is { } r ? $"{r:P1}" : "-" })]);
        AnsiConsole.Write(table);
    }
}
