using System.CommandLine;
using Spectre.Console;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.Import;

namespace StationMap.Cli.Import;

/// <summary>`stationmap import FILE --coordsys gcj02 [--dry-run] [--skip-invalid] [--json] [--sheet NAME] [--as ADCODE]`,
/// `stationmap import --template FILE`. Exit code 1 when rows were rejected or the file was refused.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = ".xlsx 或 .csv 文件 / the .xlsx or .csv file", Arity = ArgumentArity.ZeroOrOne };
        var coordsys = new Option<string?>("--coordsys") { Description = "文件中坐标的坐标系 / coordinate system of the file: wgs84 | gcj02 | bd09" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只检查，不写入 / check only, write nothing" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "写入有效行，跳过有错误的行 / write the valid rows, skip rejected ones" };
        var overwriteNewer = new Option<bool>("--overwrite-newer") { Description = "确认覆盖文件版本之后的修改（版本冲突的行）/ confirm overwriting edits made after the rows' 版本 (conflicting rows)" };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出报告 / print the report as JSON" };
        var sheet = new Option<string?>("--sheet") { Description = "工作表名称（默认第一个）/ worksheet name (default: the first)" };
        var scope = new Option<string?>("--as") { Description = "以该行政区机构的权限导入，如 110108 / import with the scope of this area's organisation" };
        var template = new Option<FileInfo?>("--template") { Description = "把导入模板写到该文件 / write the import template to FILE" };
        var errorsOut = new Option<FileInfo?>("--errors") { Description = "把被拒绝的行写到该 .xlsx / write rejected rows to this .xlsx" };
        var command = new Command("import", "批量导入站点 / bulk import stations from .xlsx or .csv")
            { file, coordsys, dryRun, skipInvalid, overwriteNewer, json, sheet, scope, template, errorsOut };

        command.SetSafeAction(async (p, ct) =>
        {
            if (p.GetValue(template) is { } templateFile)
            {
                await using (var output = templateFile.Create()) ImportTemplate.Write(output);
                Console.WriteLine($"template written to {templateFile.FullName} / 模板已写入");
                return 0;
            }
            // The options first, before the file or the database: a bad --coordsys fails at once, naming itself.
            if (p.GetValue(coordsys) is { } cs && !CoordSysNames.TryParse(cs, out _))
                throw new CliException($"--coordsys must be one of {string.Join(", ", CoordSysNames.All)} / 坐标系无效: {cs}");
            var who = Identity(p.GetValue(scope));
            var input = p.GetValue(file) ?? throw new CliException("give a FILE to import, or --template FILE / 请指定要导入的文件");
            if (!input.Exists) throw new CliException($"file not found / 文件不存在: {input.FullName}");
            var options = new ImportOptions { MaxFileBytes = 4L * 1024 * 1024 * 1024 }; // the operator's own file: size is not a threat here

            await using var ds = CliDatabase.OpenDataSource();
            await using var db = CliDatabase.OpenDb(ds);
            await using var stream = new FileStream(input.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            ImportRequest Request(IProgress<ImportProgress>? progress) => new(input.Name, stream, who, p.GetValue(coordsys),
                p.GetValue(dryRun), p.GetValue(skipInvalid), p.GetValue(sheet), progress, p.GetValue(overwriteNewer));
            var importer = new StationImporter(ds, db, options);
            var report = p.GetValue(json) || !AnsiConsole.Profile.Capabilities.Interactive
                ? await importer.RunAsync(Request(null), ct)
                : await ImportProgressBar.RunAsync(progress => importer.RunAsync(Request(progress), ct));

            if (p.GetValue(errorsOut) is { } errorsFile && report.Counts.Rejected > 0
                && await new ImportJobStore(db).FindAsync(report.JobId, ct) is { } job && ImportJobStore.RejectedOf(job) is { } rejected)
            {
                await using var output = errorsFile.Create();
                ErrorWorkbook.Write(output, rejected);
            }
            if (p.GetValue(json)) ImportReportOutput.WriteJson(report);
            else ImportReportOutput.WriteTables(report);
            return report.Counts.Rejected > 0 || report.Refused || report.Errors.Count > 0 ? 1 : 0;
        });
        return command;
    }

    private static StaffIdentity Identity(string? adcode)
    {
        if (adcode is null) return StaffIdentity.System($"cli:{Environment.UserName}");
        adcode = adcode.Trim();
        if (adcode.Length != 6 || !adcode.All(char.IsAsciiDigit))
            throw new CliException($"--as must be a 6-digit adcode / --as 须为6位行政区划代码: '{adcode}'");
        return new StaffIdentity(0, $"cli:{Environment.UserName}@{adcode}", StaffRole.Editor, adcode);
    }
}
