using Microsoft.AspNetCore.Mvc;
using StationMap.Api.Auth;
using StationMap.Auth;
using StationMap.Import;
using StationMap.Orgs;

namespace StationMap.Api;

internal static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<ImportOptions>();
        var group = app.MapGroup("/api/v1/imports").WithTags("Imports").RequireRole(StaffRole.Editor);
        group.MapPost("/", Upload).DisableAntiforgery().DisableRequestTimeout() // a big upload from a slow client (Cluster/RequestDeadline)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxFileBytes + ImportUpload.Overhead))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxFileBytes + ImportUpload.Overhead);
        group.MapGet("/template.xlsx", Template).DisableRequestTimeout();
        group.MapGet("/{id:long}", Get);
        group.MapDelete("/{id:long}", Cancel);
        group.MapGet("/{id:long}/errors.xlsx", Errors).DisableRequestTimeout(); // downloads
        return app;
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Dry run unless dryRun=false. The file is queued as a job: 202 Accepted, Location: the job, which reports
    /// its status, progress and, when done, the report. 413 at once for an oversize upload; 503 when the queue is full.</summary>
    private static async Task<IResult> Upload(HttpContext http, ImportJobStore jobs, ImportQueue queue, ImportOptions options, CancellationToken ct)
    {
        var (upload, problem) = await ImportUpload.ReadAsync(http.Request, options, ct);
        if (upload is null) return problem!;
        var path = Path.GetTempFileName();
        var temp = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            await upload.File.CopyToAsync(temp, ct);
            temp.Position = 0;
            var sha = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(temp, ct));
            temp.Position = 0;
            var request = new ImportRequest(upload.File.FileName, temp, http.Staff(), upload.Coordsys, upload.DryRun, upload.SkipInvalid, upload.Sheet, OverwriteNewer: upload.OverwriteNewer);
            var job = await jobs.StartAsync(request, sha, temp.Length, ct, ImportStatus.Queued);
            if (!queue.TryEnqueue(new QueuedImport(job.Id, request, path)))
            {
                await jobs.FinishAsync(job, QueueFull(job), null, CancellationToken.None);
                throw new QueueFullException();
            }
            return TypedResults.Accepted($"/api/v1/imports/{job.Id}", ImportJobResource.Of(job, queue));
        }
        catch (Exception e)
        {
            await temp.DisposeAsync();
            File.Delete(path);
            if (e is QueueFullException)
            {
                http.Response.Headers.RetryAfter = "30";
                return Problems.Status(StatusCodes.Status503ServiceUnavailable, "导入队列已满 / the import queue is full",
                    "请稍后再上传 / please upload again in a while");
            }
            throw;
        }
    }

    private sealed class QueueFullException : Exception;

    private static ImportReport QueueFull(ImportJob job) => new()
    {
        JobId = job.Id, FileName = job.FileName, Format = "", DryRun = job.DryRun, Counts = new(0, 0, 0, 0, 0),
        Errors = [ImportProblem.File("queue_full", "导入队列已满，请稍后再上传", "the import queue is full; please upload again in a while")],
    };

    private static async Task<IResult> Get(long id, HttpContext http, ImportJobStore jobs, ImportQueue queue, CancellationToken ct) =>
        await VisibleJobAsync(id, http, jobs, ct) is { } job ? TypedResults.Ok(ImportJobResource.Of(job, queue)) : NotFound(id);

    /// <summary>Cancels a queued or running job: its transaction rolls back, nothing is stored. 409 when it has finished.</summary>
    private static async Task<IResult> Cancel(long id, HttpContext http, ImportJobStore jobs, ImportQueue queue, CancellationToken ct)
    {
        if (await VisibleJobAsync(id, http, jobs, ct) is not { } job) return NotFound(id);
        if (ImportStatus.IsDone(job.Status) || !queue.Cancel(id))
            return Problems.Status(StatusCodes.Status409Conflict, "导入已结束 / the import has finished",
                $"导入 {id} 的状态为 {job.Status}，无法取消 / import {id} is {job.Status} and cannot be cancelled");
        return TypedResults.Accepted($"/api/v1/imports/{id}", ImportJobResource.Of(job, queue));
    }

    private static async Task<IResult> Errors(long id, HttpContext http, ImportJobStore jobs, CancellationToken ct)
    {
        if (await VisibleJobAsync(id, http, jobs, ct) is not { } job) return NotFound(id);
        var buffer = new MemoryStream();
        ErrorWorkbook.Write(buffer, ImportJobStore.RejectedOf(job) ?? new RejectedRows([], []));
        return TypedResults.File(buffer.ToArray(), Xlsx, $"import-{id}-errors.xlsx");
    }

    private static IResult Template()
    {
        var buffer = new MemoryStream();
        ImportTemplate.Write(buffer);
        return TypedResults.File(buffer.ToArray(), Xlsx, "stationmap-import-template.xlsx");
    }

    /// <summary>A job is visible to staff whose area covers the area of the organisation that ran it.</summary>
    private static async Task<ImportJob?> VisibleJobAsync(long id, HttpContext http, ImportJobStore jobs, CancellationToken ct) =>
        await jobs.FindAsync(id, ct) is { } job && AdcodeScope.Covers(http.Staff().OrgAdcode, job.OrgAdcode.Trim()) ? job : null;

    private static IResult NotFound(long id) => Problems.Status(StatusCodes.Status404NotFound,
        "导入记录不存在 / import not found", $"没有编号为 {id} 的导入记录 / no import job {id}");
}
