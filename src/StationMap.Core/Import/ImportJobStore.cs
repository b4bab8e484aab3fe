using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StationMap.Data;

namespace StationMap.Import;

/// <summary>Reads and writes <see cref="ImportJob"/> rows. Written outside the import's own transaction, so a
/// refused or failed import is still on record.</summary>
public sealed class ImportJobStore(StationMapDb db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A new job row: queued (for the job runner) or already running (an in-process import).</summary>
    public async Task<ImportJob> StartAsync(ImportRequest request, string sha256, long bytes, CancellationToken ct, string status = ImportStatus.Running)
    {
        var job = new ImportJob
        {
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow, Actor = request.Who.Actor, OrgAdcode = request.Who.OrgAdcode,
            FileName = Path.GetFileName(request.FileName) is { Length: > 0 and <= 260 } n ? n : "upload", Sha256 = sha256,
            FileBytes = bytes, Coordsys = request.Coordsys, DryRun = request.DryRun, SkipInvalid = request.SkipInvalid, OverwriteNewer = request.OverwriteNewer, Sheet = request.Sheet,
        };
        db.ImportJobs().Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>A queued job, tracked, marked running.</summary>
    public async Task<ImportJob?> BeginAsync(long id, CancellationToken ct)
    {
        var job = await db.ImportJobs().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.Status != ImportStatus.Queued) return null;
        job.Status = ImportStatus.Running;
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>A job whose run failed unexpectedly: failed, nothing stored (its transaction did not commit).</summary>
    public Task<int> FailAsync(long id, CancellationToken ct) => FailUnfinishedAsync(db.ImportJobs().Where(j => j.Id == id),
        ImportProblem.File(ImportProblem.Interrupted, "导入意外中止，未保存任何数据，请重新上传", "the import stopped unexpectedly; nothing was stored; please upload again"), ct);

    /// <summary>At start-up: jobs a crash left queued or running never finished, and their transaction went with the
    /// process, so nothing of them was stored.</summary>
    public Task<int> FailInterruptedAsync(CancellationToken ct) => FailUnfinishedAsync(db.ImportJobs(),
        ImportProblem.File(ImportProblem.Interrupted, "服务重启时导入尚未完成，未保存任何数据，请重新上传",
            "the service restarted before the import finished; nothing was stored; please upload again"), ct);

    private async Task<int> FailUnfinishedAsync(IQueryable<ImportJob> jobs, ImportProblem problem, CancellationToken ct)
    {
        var errors = JsonSerializer.Serialize(new[] { problem }, Json);
        return await jobs.Where(j => j.FinishedAt == null).ExecuteUpdateAsync(u => u
            .SetProperty(j => j.Status, ImportStatus.Failed).SetProperty(j => j.FinishedAt, DateTimeOffset.UtcNow)
            .SetProperty(j => j.Committed, false).SetProperty(j => j.Errors, JsonDocument.Parse(errors, default)), ct);
    }

    public async Task FinishAsync(ImportJob job, ImportReport report, RejectedRows? rejected, CancellationToken ct)
    {
        job.FinishedAt = DateTimeOffset.UtcNow;
        job.Status = report.Errors.Any(e => e.Code == ImportProblem.Cancelled) ? ImportStatus.Cancelled
            : report.Refused ? ImportStatus.Failed : ImportStatus.Succeeded;
        job.Format = report.Format;
        job.Encoding = report.Encoding;
        job.Sheet = report.Sheet;
        job.Committed = report.Committed;
        (job.Total, job.Inserted, job.Updated, job.Unchanged, job.Rejected) =
            (report.Counts.Total, report.Counts.Inserted, report.Counts.Updated, report.Counts.Unchanged, report.Counts.Rejected);
        job.Truncated = report.Truncated;
        job.Errors = JsonSerializer.SerializeToDocument(report.Errors, Json);
        job.Warnings = JsonSerializer.SerializeToDocument(report.Warnings, Json);
        job.Conflicts = report.Conflicts.Count == 0 ? null : JsonSerializer.SerializeToDocument(report.Conflicts, Json);
        job.RejectedRows = rejected is null ? null : JsonSerializer.SerializeToDocument(rejected, Json);
        await db.SaveChangesAsync(ct);
    }

    public Task<ImportJob?> FindAsync(long id, CancellationToken ct) =>
        db.ImportJobs().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);

    public static ImportReport ReportOf(ImportJob job) => new()
    {
        JobId = job.Id, FileName = job.FileName, Format = job.Format ?? "", Encoding = job.Encoding, Sheet = job.Sheet,
        DryRun = job.DryRun, Committed = job.Committed, Truncated = job.Truncated,
        Counts = new ImportCounts(job.Total, job.Inserted, job.Updated, job.Unchanged, job.Rejected),
        Errors = job.Errors?.Deserialize<List<ImportProblem>>(Json) ?? [],
        Warnings = job.Warnings?.Deserialize<List<ImportProblem>>(Json) ?? [],
        Conflicts = job.Conflicts?.Deserialize<List<ImportConflict>>(Json) ?? [],
    };

    public static RejectedRows? RejectedOf(ImportJob job) => job.RejectedRows?.Deserialize<RejectedRows>(Json);
}

internal static class ImportJobSet
{
    public static DbSet<ImportJob> ImportJobs(this StationMapDb db) => db.Set<ImportJob>();
}
