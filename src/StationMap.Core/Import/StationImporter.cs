using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StationMap.Data;
using StationMap.Divisions;
using StationMap.Geo;

namespace StationMap.Import;

/// <summary>
/// Bulk import: every row is read, mapped and validated once, valid rows stream into a temporary staging table
/// through Npgsql's binary import (on the same connection and transaction), then one set-based merge writes the changes — or, for a dry run or a file with errors,
/// the transaction is rolled back and nothing stored changes. Every run is recorded as an <see cref="ImportJob"/>.
/// </summary>
public sealed class StationImporter(NpgsqlDataSource dataSource, StationMapDb db, ImportOptions options)
{
    private static readonly AdministrativeDivisions Divisions = AdministrativeDivisions.LoadDefault();

    /// <summary>Runs an import in this call, recorded as a new job (the CLI).</summary>
    public async Task<ImportReport> RunAsync(ImportRequest request, CancellationToken ct = default)
    {
        var stream = request.Content;
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        stream.Position = 0;
        var job = await new ImportJobStore(db).StartAsync(request, sha, stream.Length, ct);
        return await RunAsync(job, request, ct);
    }

    /// <summary>Runs a queued job (the job runner); null when it is no longer queued.</summary>
    public async Task<ImportReport?> RunQueuedAsync(long jobId, ImportRequest request, CancellationToken ct)
    {
        var job = await new ImportJobStore(db).BeginAsync(jobId, CancellationToken.None);
        return job is null ? null : await RunAsync(job, request, ct);
    }

    private async Task<ImportReport> RunAsync(ImportJob job, ImportRequest request, CancellationToken ct)
    {
        using var activity = StationMapMetrics.Source.StartActivity("import");
        activity?.SetTag("stationmap.import.job", job.Id);
        activity?.SetTag("stationmap.import.dry_run", request.DryRun);
        var started = TimeProvider.System.GetTimestamp();
        var jobs = new ImportJobStore(db);
        var log = new ProblemLog(options.MaxReportedProblems);
        var format = UploadedFile.FormatOf(request.FileName) ?? Path.GetExtension(request.FileName);

        if (request.Coordsys is { } cs && !CoordSysNames.TryParse(cs, out _))
            log.AddErrors([ImportProblem.File("coordsys_invalid", $"坐标系参数无效：{cs}，可选：{CoordSysNames.AcceptedZh}",
                $"invalid coordsys parameter '{cs}'; valid: {CoordSysNames.AcceptedEn}")]);
        ImportReport report;
        var failed = false;
        try
        {
            report = log.HasFileErrors ? Report(job, format, null, null, log, new(0, 0, 0, 0, 0), false, request)
                : await ImportAsync(request, job, format, log, ct);
        }
        catch (SheetLimitException e)
        {
            // Past a limit of the guarded reader: the file is refused as a whole, and the transaction rolled back unused.
            log.AddErrors([e.Problem]);
            report = Report(job, format, null, null, log, new(0, 0, 0, 0, 0), false, request);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The transaction rolls back with the cancelled statement or the unfinished COPY: nothing was stored.
            failed = true;
            log.AddErrors([ImportProblem.File(ImportProblem.Cancelled, "导入已取消，未保存任何数据", "the import was cancelled; nothing was stored")]);
            report = Report(job, format, null, null, log, new(0, 0, 0, 0, 0), false, request);
        }
        catch (Exception e) when (DatabaseError(e) is not null)
        {
            if (await MayHaveCommittedAsync(job, CancellationToken.None)) throw;
            // The transaction went with the failure, so nothing was stored. Recording the job as finished keeps it from
            // showing as running for ever, and the uploader learns it is worth trying again.
            failed = true;
            log.AddErrors([ImportProblem.File(ImportProblem.DatabaseError, $"数据库出错，导入已中止，未保存任何数据，请稍后重试（{DatabaseError(e)!.Message}）",
                $"a database error stopped the import and nothing was stored; please try again later ({DatabaseError(e)!.Message})")]);
            report = Report(job, format, null, null, log, new(0, 0, 0, 0, 0), false, request);
        }

        var rejected = log.RejectedRows.Count > 0 && !failed ? RejectedRows.Collect(request, log, options) : null;
        if (rejected is not null)
            try { rejected = await RejectedRowVersions.AddAsync(rejected, dataSource, request.Who, CancellationToken.None); }
            catch (NpgsqlException) { } // the database went away after the import: the rows are still worth keeping
        await jobs.FinishAsync(job, report, rejected, CancellationToken.None);
        var written = report.Committed ? report.Counts.Inserted + report.Counts.Updated : 0;
        activity?.SetTag("stationmap.import.outcome", job.Status);
        activity?.SetTag("stationmap.import.rows", report.Counts.Total);
        activity?.SetTag("stationmap.import.written", written);
        StationMapMetrics.ImportFinished(TimeProvider.System.GetElapsedTime(started), written, report.DryRun ? "dry_run" : job.Status);
        return report;
    }

    private async Task<ImportReport> ImportAsync(ImportRequest request, ImportJob job, string format, ProblemLog log, CancellationToken ct)
    {
        var fileErrors = new List<ImportProblem>();
        using var sheet = UploadedFile.Open(request.Content, request.FileName, request.Sheet, options, fileErrors, HeaderRule.Import);
        log.AddErrors(fileErrors);
        if (sheet is null) return Report(job, format, null, null, log, new(0, 0, 0, 0, 0), false, request);
        var warnings = new List<ImportProblem>();
        var map = ColumnMap.Read(sheet.Headers, warnings, sheet.HeaderRow, sheet.RowsAbove);
        var headerErrors = new List<ImportProblem>();
        var stated = HeaderCoordsys.Check(map, request.Coordsys, headerErrors, warnings);
        log.AddWarnings(warnings);
        log.AddErrors(headerErrors);
        log.AddErrors(map.MissingColumns(request.Coordsys is not null || map.StatedCoordsys.Count > 0));
        if (log.HasFileErrors) return Report(job, format, sheet.Encoding, sheet.Sheet, log, new(0, 0, 0, 0, 0), false, request);

        var orgs = await db.Organizations.AsNoTracking().ToListAsync(ct);
        var orgsByName = orgs.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.First().Id);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await StagingTable.CreateAsync(conn, ct);
        var merge = new StagedMerge(conn, tx, options, request.Who, job.Id, job.FileName);
        // A commit locks before anything is read or merged: overlapping imports merge one after the other, and no other
        // import changes the stored stations read next while this one runs.
        if (!request.DryRun) await merge.LockAsync(ct);
        var stored = await StoredStations.LoadAsync(conn, tx, options.DuplicateRadiusMetres, request.Who, ct);
        var reader = new StagingReader(request, map, stated, orgsByName, Divisions, options, stored, log);
        int total;
        try
        {
            // Reading and the binary import are synchronous: off the caller's thread.
            total = await Task.Run(() => reader.Read(sheet, conn, ct), ct);
        }
        catch (UnreadableFileException e)
        {
            // A damaged file is the user's problem to fix, not a server error. The transaction rolls back unused.
            log.AddErrors([ImportProblem.File("unreadable", $"文件无法完整读取：{e.Message}", $"the file could not be read to the end: {e.Message}")]);
            return Report(job, format, sheet.Encoding, sheet.Sheet, log, new(0, 0, 0, 0, 0), false, request);
        }
        if (log.HasFileErrors)
            return Report(job, format, sheet.Encoding, sheet.Sheet, log, new(total, 0, 0, 0, 0), false, request);

        request.Progress?.Report(new(total, 1, "merge", reader.Valid));
        var (c, committed, conflicts) = await merge.FinishAsync(log, request, reader.Codeless, reader.Versioned, reader.Valid, map, ct);
        request.Progress?.Report(new(total, 1, "done", reader.Valid, committed ? c.Inserted + c.Updated : 0));
        return Report(job, format, sheet.Encoding, sheet.Sheet, log, new ImportCounts(total, c.Inserted, c.Updated, c.Unchanged, log.RejectedRows.Count), committed, request) with { Conflicts = conflicts };
    }

    /// <summary>The database's own error, also when EF or a cancelled read wraps it.</summary>
    private static NpgsqlException? DatabaseError(Exception e) => e switch
    {
        NpgsqlException n => n,
        { InnerException: { } inner } => DatabaseError(inner),
        _ => null,
    };

    /// <summary>
    /// Whether the import's transaction may have committed after all: a connection that breaks during COMMIT leaves the
    /// outcome unknown, and its audit row (written in that transaction) settles it. If it did, or the question can't be
    /// answered (the database is gone), the error goes up unchanged rather than wrongly say that nothing was stored.
    /// </summary>
    private async Task<bool> MayHaveCommittedAsync(ImportJob job, CancellationToken ct)
    {
        var subject = $"import:{job.Id}";
        try
        {
            return await db.Audit.AnyAsync(a => a.Subject == subject, ct);
        }
        catch (NpgsqlException)
        {
            return true;
        }
    }

    private static ImportReport Report(ImportJob job, string format, string? encoding, string? sheet, ProblemLog log,
        ImportCounts counts, bool committed, ImportRequest request) => new()
    {
        JobId = job.Id, FileName = job.FileName, Format = format, Encoding = encoding, Sheet = sheet, DryRun = request.DryRun,
        Committed = committed, Counts = counts, Errors = log.Errors, Warnings = log.Warnings, Truncated = log.Truncated,
    };
}
