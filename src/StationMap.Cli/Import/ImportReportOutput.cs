using System.Text.Json;
using Spectre.Console;
using StationMap.Import;

namespace StationMap.Cli.Import;

/// <summary>The report as readable tables (first problems only) or as complete JSON.</summary>
internal static class ImportReportOutput
{
    private const int Shown = 50;

    public static void WriteJson(ImportReport report) => Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    public static void WriteTables(ImportReport report)
    {
        var c = report.Counts;
        var mode = report.DryRun ? "dry run / 预检" : report.Committed ? "committed / 已提交" : "not written / 未写入";
        AnsiConsole.MarkupLine($"[bold]import #{report.JobId}[/] {Markup.Escape(report.FileName)} ({report.Format}" +
            $"{(report.Encoding is null ? "" : ", " + Markup.Escape(report.Encoding))}{(report.Sheet is null ? "" : ", sheet " + Markup.Escape(report.Sheet))}) — {mode}");
        AnsiConsole.Write(new Table().AddColumns("total 总数", "inserted 新增", "updated 更新", "unchanged 未变", "rejected 拒绝")
            .AddRow($"{c.Total}", $"{c.Inserted}", $"{c.Updated}", $"{c.Unchanged}", c.Rejected > 0 ? $"[red]{c.Rejected}[/]" : "0"));
        Problems("errors 错误", "red", report.Errors);
        Problems("warnings 警告", "yellow", report.Warnings);
        if (report.Conflicts.Any(c => !c.Overwritten))
            AnsiConsole.MarkupLine("[yellow]rows based on an older version were not written; after checking them, pass --overwrite-newer to overwrite / 版本冲突的行未写入，确认后可加 --overwrite-newer 覆盖[/]");
        if (!report.DryRun && !report.Committed && report.Errors.Count > 0)
            AnsiConsole.MarkupLine("[red]nothing was written: fix the rows above, or pass --skip-invalid / 有错误，未写入任何数据[/]");
    }

    private static void Problems(string title, string colour, List<ImportProblem> problems)
    {
        if (problems.Count == 0) return;
        var table = new Table().Title($"[{colour}]{title}: {problems.Count}[/]").AddColumns("row 行", "column 列", "code", "message 说明");
        foreach (var p in problems.Take(Shown))
            table.AddRow(p.Row == 0 ? "-" : $"{p.Row}", Markup.Escape(p.Column), p.Code, Markup.Escape(p.Message));
        AnsiConsole.Write(table);
        if (problems.Count > Shown) AnsiConsole.MarkupLine($"… {problems.Count - Shown} more; use --json or --errors FILE.xlsx for all / 其余请用 --json 查看");
    }
}

internal static class ImportProgressBar
{
    public static Task<ImportReport> RunAsync(Func<IProgress<ImportProgress>, Task<ImportReport>> run) =>
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("reading 读取", maxValue: 100);
                var progress = new Progress<ImportProgress>(p =>
                {
                    task.Value = Math.Min(99, p.Fraction * 100);
                    task.Description = $"{p.Stage} {p.Rows:N0} rows";
                });
                var report = await run(progress);
                task.Value = 100;
                return report;
            });
}
