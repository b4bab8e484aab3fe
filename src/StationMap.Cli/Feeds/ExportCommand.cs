using System.CommandLine;
using Spectre.Console;
using StationMap.Auth;
using StationMap.Feeds;
using StationMap.Feeds.Export;
using StationMap.Feeds.Profiles;

namespace StationMap.Cli.Feeds;

/// <summary>`stationmap export amap-yuntu --adcode 110108 --incremental --out DIR`</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var profile = new Argument<string>("profile") { Description = "模板 / feed profile (amap-yuntu, baidu-geotable, poi-sheet-amap, poi-sheet-baidu, geojson)" };
        var adcode = new Option<string>("--adcode") { Description = "导出范围 / area: 110108 district, 110100 city, 000000 all", DefaultValueFactory = _ => "000000" };
        var incremental = new Option<bool>("--incremental") { Description = "仅新增、变更、撤回 / only added, changed and withdrawn stations" };
        var output = new Option<string?>("--out") { Description = "另存一份到此目录 / also copy the files to this folder" };
        var command = new Command("export", "导出地图报送文件 / export a map-provider feed") { profile, adcode, incremental, output };
        command.SetSafeAction(async (p, ct) =>
        {
            var options = CliFeeds.Options();
            // The catalog (JSON, validation) loads on the other core while the data source and context are built:
            // both are single-threaded start-up work. A catalog error is still the one reported first.
            var loading = Task.Run(() => CliFeeds.Catalog(options), ct);
            Npgsql.NpgsqlDataSource ds;
            try
            {
                ds = CliDatabase.OpenDataSource();
            }
            catch
            {
                await loading;
                throw;
            }
            await using var dsScope = ds;
            var catalog = await loading;
            var request = new ExportRequest(p.GetValue(profile)!, p.GetValue(adcode)!, p.GetValue(incremental) ? ExportKind.Incremental : ExportKind.Full);
            var result = await FeedExporter.OnDataSource(ds, catalog, options).ExportAsync(request, StaffIdentity.System("cli"), ct);
            if (result.Batch is not { } batch) throw new CliException(result.Message!);
            Print(batch, result.Outcome == ExportOutcome.Unchanged);
            if (p.GetValue(output) is { } dir)
            {
                Directory.CreateDirectory(dir);
                foreach (var f in batch.Files)
                    File.Copy(Path.Combine(ExportBatches.FolderOf(options, batch.Id), f.Name), Path.Combine(dir, f.Name), overwrite: true);
            }
            return 0;
        });
        return command;
    }

    private static void Print(ExportBatch b, bool unchanged)
    {
        Console.Error.WriteLine(unchanged
            ? $"batch {b.Id}: same content as before, nothing new recorded / 内容未变，沿用批次 {b.Id}"
            : $"batch {b.Id}: {b.Rows} rows (added {b.Added}, changed {b.Changed}, withdrawn {b.Withdrawn}), excluded {b.Excluded}");
        var table = new Table().AddColumns("file", "change", "rows", "bytes", "sha256");
        foreach (var f in b.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
            table.AddRow(Markup.Escape(f.Name), f.Change, f.Rows.ToString(), f.Bytes.ToString(), f.Sha256);
        AnsiConsole.Write(table);
        var lines = b.Report.RootElement.EnumerateArray().Take(20).ToList();
        foreach (var line in lines)
            Console.Error.WriteLine($"  {line.GetProperty("code").GetString()} {line.GetProperty("name").GetString()}: {line.GetProperty("reason").GetString()}");
        if (b.Report.RootElement.GetArrayLength() > lines.Count)
            Console.Error.WriteLine($"  … {b.Report.RootElement.GetArrayLength() - lines.Count} more in the batch report (GET /api/v1/exports/{b.Id})");
    }
}
