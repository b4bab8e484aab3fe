using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StationMap.Data;
using StationMap.Divisions;
using StationMap.Geo;

namespace StationMap.Import;

/// <summary>
/// Bulk import: every row is read, mapped and validated once, valid rows stream into a temporary staging table
/// by binary COPY, then one set-based merge writes the changes — or, for a dry run or a file with errors,
/// the transaction is rolled back and nothing stored changes. Every run is recorded as an <see cref="ImportJob"/>.
/// </summary>
public sealed class StationImporter(NpgsqlDataSource dataSource, StationMapDb db, ImportOptions options)
{
    private static readonly AdministrativeDivisions Divisions = AdministrativeDivisions.LoadDefault();

    public async Task<ImportReport> RunAsync(ImportRequest request, CancellationToken ct = default)
    {
        var stream = request.Content;
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        stream.Position = 0;
        Trace("start");
        var jobs = new ImportJobStore(db);
        var job = await jobs.StartAsync(request, sha, stream.Length, ct);
        Trace("job");
        var log = new ProblemLog(options.MaxReportedProblems);
        var format = UploadedFile.FormatOf(request.FileName) ?? Path.GetExtension(request.FileName);

        if (request.Coordsys is { } cs && !CoordSysNames.TryParse(cs, out _))
            log.AddErrors([ImportProblem.File("coordsys_invalid", $"坐标系参数无效：{cs}，可选：{string.Join("、", CoordSysNames.All)}",
                $"invalid coordsys parameter '{cs}'; valid: {string.Join(", ", CoordSysNames.All)}")]);
        var report = log.HasFileErrors ? Report(job, format, null, null, log, new(0, 0, 0, 0, 0), false, request)
            : await ImportAsync(request, job, format, log, ct);

        Trace("committed");
        var rejected = log.RejectedRows.Count > 0 ? RejectedRows.Collect(request, log, options) : null;
        await jobs.FinishAsync(job, report, rejected, ct);
        Trace("finished");
        return report;
    }

    private async Task<ImportReport> ImportAsync(ImportRequest request, ImportJob job, string format, ProblemLog log, CancellationToken ct)
    {
        var fileErrors = new List<ImportProblem>();
        using var sheet = UploadedFile.Open(request.Content, request.FileName, request.Sheet, options, fileErrors);
        log.AddErrors(fileErrors);
        if (sheet is null) return Report(job, format, null, null, log, new(0, 0, 0, 0, 0), false, request);
        var warnings = new List<ImportProblem>();
        var map = ColumnMap.Read(sheet.Headers, warnings);
        log.AddWarnings(warnings);
        log.AddErrors(map.MissingColumns(request.Coordsys is not null));
        if (log.HasFileErrors) return Report(job, format, sheet.Encoding, sheet.Sheet, log, new(0, 0, 0, 0, 0), false, request);

        var orgs = await db.Organizations.AsNoTracking().ToListAsync(ct);
        var orgsByName = orgs.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First().Id);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        int total;
        await using (var staging = await StagingTable.OpenAsync(conn, ct))
        {
            try
            {
                total = ReadRows(request, sheet, map, orgsByName, staging, log);
            }
            catch (UnreadableFileException e)
            {
                // A damaged file is the user's problem to fix, not a server error.
                log.AddErrors([ImportProblem.File("unreadable", $"文件无法完整读取：{e.Message}", $"the file could not be read to the end: {e.Message}")]);
                return Report(job, format, sheet.Encoding, sheet.Sheet, log, new(0, 0, 0, 0, 0), false, request);
            }
            if (log.HasFileErrors)
                return Report(job, format, sheet.Encoding, sheet.Sheet, log, new(total, 0, 0, 0, 0), false, request);
            await staging.CompleteAsync(ct);
        }

        request.Progress?.Report(new(total, 1, "merge"));
        Trace("read+copy");
        var merge = new StagedMerge(conn, tx, options);
        var write = !request.DryRun && (log.RejectedRows.Count == 0 || request.SkipInvalid);
        if (write) await merge.LockAsync(ct);
        await merge.MatchCodelessAsync(ct);
        Trace("match");
        log.AddErrors(await merge.RejectForbiddenAsync(request.Who, map.HeaderOf(ImportField.Code) ?? "code", ct));
        log.AddWarnings(await merge.NearStoredAsync(map.HeaderOf(ImportField.Name) ?? "name", ct));
        Trace("forbidden+near");
        write = write && (log.RejectedRows.Count == 0 || request.SkipInvalid);

        var (inserted, updated, unchanged) = write ? await merge.MergeAsync(request.Who, job.Id, job.FileName, ct) : await merge.ClassifyAsync(ct);
        Trace("merge");
        if (write) await tx.CommitAsync(ct);
        else await tx.RollbackAsync(ct);
        var counts = new ImportCounts(total, inserted, updated, unchanged, log.RejectedRows.Count);
        return Report(job, format, sheet.Encoding, sheet.Sheet, log, counts, write, request);
    }

    private int ReadRows(ImportRequest request, ISheetSource sheet, ColumnMap map, Dictionary<string, long> orgsByName,
        StagingTable staging, ProblemLog log)
    {
        var mapper = new RowMapper(map, request.Coordsys, orgsByName);
        var validator = new RowValidator(map, request.Who, Divisions, options);
        var near = new NearDuplicates(options.DuplicateRadiusMetres);
        var nameColumn = map.HeaderOf(ImportField.Name) ?? "";
        var (errors, warnings, total) = (new List<ImportProblem>(), new List<ImportProblem>(), 0);
        foreach (var row in ReadAhead.Rows(sheet.Rows()))
        {
            if (row.IsEmpty) continue;
            if (++total > options.MaxRows)
            {
                log.AddErrors([ImportProblem.File("too_many_rows", $"行数超过上限 {options.MaxRows}，请拆分文件", $"more than {options.MaxRows} rows; split the file")]);
                return total - 1;
            }
            errors.Clear();
            warnings.Clear();
            var (input, orgId) = mapper.Map(row, errors, warnings);
            var fields = validator.Validate(row.Number, input, errors);
            if (fields is not null && near.Add(row.Number, fields.Wgs84.Lng, fields.Wgs84.Lat, fields.Name) is { } first)
                warnings.Add(ImportProblem.Of(row.Number, nameColumn, "probable_duplicate", $"疑似重复：与第 {first} 行相距不到 {options.DuplicateRadiusMetres:0} 米且名称相近",
                    $"probable duplicate of row {first}: within {options.DuplicateRadiusMetres:0} m with a similar name"));
            log.AddErrors(errors);
            log.AddWarnings(warnings);
            if (fields is not null && errors.Count == 0) staging.Write(row.Number, fields, orgId);
            if (total % 5000 == 0) request.Progress?.Report(new(total, (double)request.Content.Position / Math.Max(1, request.Content.Length), "read"));
        }
        return total;
    }

    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();
    private static void Trace(string what) { if (Environment.GetEnvironmentVariable("STATIONMAP_IMPORT_TRACE") is not null) Console.Error.WriteLine($"{Clock.ElapsedMilliseconds,8} ms {what}"); }

    private static ImportReport Report(ImportJob job, string format, string? encoding, string? sheet, ProblemLog log,
        ImportCounts counts, bool committed, ImportRequest request) => new()
    {
        JobId = job.Id, FileName = job.FileName, Format = format, Encoding = encoding, Sheet = sheet, DryRun = request.DryRun,
        Committed = committed, Counts = counts, Errors = log.Errors, Warnings = log.Warnings, Truncated = log.Truncated,
    };
}
