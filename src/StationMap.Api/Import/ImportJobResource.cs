using StationMap.Import;

namespace StationMap.Api;

/// <summary>GET /api/v1/imports/{id}: where the job is, how far it got, and when done its report; a failed or
/// cancelled job also carries the problem (the status and reason a synchronous upload would have answered).</summary>
internal sealed record ImportJobResource(long Id, string Status, int QueuePosition, ImportJobProgress Progress, ImportReport? Report,
    ImportJobProblem? Problem)
{
    public static ImportJobResource Of(ImportJob job, ImportQueue queue)
    {
        var done = ImportStatus.IsDone(job.Status);
        var report = done ? ImportJobStore.ReportOf(job) : null;
        var progress = done ? new ImportJobProgress(job.Total, job.Total - job.Rejected, job.Committed ? job.Inserted + job.Updated : 0, "done")
            : queue.ProgressOf(job.Id) ?? new ImportJobProgress(0, 0, 0, job.Status);
        return new(job.Id, job.Status, done ? 0 : queue.PositionOf(job.Id), progress, report, report is { Refused: true } ? ImportJobProblem.Of(report) : null);
    }
}

internal sealed record ImportJobProblem(int Status, string Title, string Detail, ImportReport Report)
{
    public static ImportJobProblem Of(ImportReport report)
    {
        var (status, title) = report.Errors.Any(e => e.Code is ImportProblem.DatabaseError or ImportProblem.Interrupted)
            ? (StatusCodes.Status503ServiceUnavailable, "导入未完成 / the import did not finish")
            : report.Errors.Any(e => e.Code == ImportProblem.Cancelled) ? (StatusCodes.Status409Conflict, "导入已取消 / the import was cancelled")
            : (report.Errors.Any(e => ImportProblem.TooLarge.Contains(e.Code)) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                "文件无法导入 / the file cannot be imported");
        return new(status, title, string.Join("; ", report.Errors.Select(e => e.Message)), report);
    }
}
