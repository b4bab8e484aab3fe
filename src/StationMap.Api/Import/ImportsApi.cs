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
        group.MapPost("/", Upload).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxFileBytes + ImportUpload.Overhead))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxFileBytes + ImportUpload.Overhead);
        group.MapGet("/template.xlsx", Template);
        group.MapGet("/{id:long}", Get);
        group.MapGet("/{id:long}/errors.xlsx", Errors);
        return app;
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Dry run unless dryRun=false. 200 with the report when the file was read (row errors included);
    /// 400/413 ProblemDetails (with the report) when the file itself was refused; 503 when the database failed mid-import.</summary>
    private static async Task<IResult> Upload(HttpContext http, StationImporter importer, ImportOptions options, CancellationToken ct)
    {
        var (upload, problem) = await ImportUpload.ReadAsync(http.Request, options, ct);
        if (upload is null) return problem!;
        await using var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await upload.File.CopyToAsync(temp, ct);
        temp.Position = 0;
        var request = new ImportRequest(upload.File.FileName, temp, http.Staff(), upload.Coordsys, upload.DryRun, upload.SkipInvalid, upload.Sheet);
        var report = await importer.RunAsync(request, ct);
        if (!report.Refused) return TypedResults.Ok(report);
        var (status, title) = report.Errors.Any(e => e.Code == ImportProblem.DatabaseError)
            ? (StatusCodes.Status503ServiceUnavailable, "导入未完成 / the import did not finish")
            : (report.Errors.Any(e => e.Code is "file_too_large" or "too_many_rows") ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                "文件无法导入 / the file cannot be imported");
        return TypedResults.Problem(string.Join("; ", report.Errors.Select(e => e.Message)), statusCode: status,
            title: title, extensions: new Dictionary<string, object?> { ["report"] = report });
    }

    private static async Task<IResult> Get(long id, HttpContext http, ImportJobStore jobs, CancellationToken ct) =>
        await VisibleJobAsync(id, http, jobs, ct) is { } job ? TypedResults.Ok(ImportJobStore.ReportOf(job)) : NotFound(id);

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
