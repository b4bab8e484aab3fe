using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace StationMap.Cli.Db;

/// <summary>`stationmap db migrate | seed | status`.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var db = new Command("db", "数据库：迁移、载入样例、状态 / database: migrate, seed, status");

        var migrate = new Command("migrate", "应用全部迁移 / apply all migrations");
        migrate.SetSafeAction(async (_, ct) =>
        {
            await using var ds = CliDatabase.OpenDataSource();
            await using var ctx = CliDatabase.OpenDb(ds);
            var pending = (await ctx.Database.GetPendingMigrationsAsync(ct)).ToList();
            await ctx.Database.MigrateAsync(ct);
            Console.WriteLine(pending.Count == 0 ? "database is up to date" : $"applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });

        var seed = new Command("seed", "库为空时载入 data/ 中的北京样例站点 / load the Beijing sample stations when the store is empty");
        var file = new Option<FileInfo?>("--file") { Description = "样例 CSV（默认 data/sample-stations-beijing.csv）/ sample CSV" };
        var china = new Option<int?>("--china") { Description = "改为生成 N 个全国合成站点（基准测试用）/ generate N synthetic stations across China instead (benchmarks)" };
        seed.Options.Add(file);
        seed.Options.Add(china);
        seed.SetSafeAction(async (parse, ct) => await SeedCommand.RunAsync(parse.GetValue(file), parse.GetValue(china), ct));

        var status = new Command("status", "迁移与站点数 / migrations and station counts");
        status.SetSafeAction(async (_, ct) =>
        {
            await using var ds = CliDatabase.OpenDataSource();
            await using var ctx = CliDatabase.OpenDb(ds);
            var applied = (await ctx.Database.GetAppliedMigrationsAsync(ct)).ToList();
            var pending = (await ctx.Database.GetPendingMigrationsAsync(ct)).ToList();
            AnsiConsole.MarkupLine($"migrations applied: [green]{applied.Count}[/], pending: [yellow]{pending.Count}[/]");
            if (pending.Count == 0)
                AnsiConsole.MarkupLine($"stations: [green]{await ctx.Stations.CountAsync(ct)}[/] (active public: {await ctx.Stations.CountAsync(s => s.IsPublic && s.Status == Stations.StationStatus.Active, ct)})");
            return pending.Count == 0 ? 0 : 1;
        });

        db.Subcommands.Add(migrate);
        db.Subcommands.Add(seed);
        db.Subcommands.Add(status);
        return db;
    }
}
