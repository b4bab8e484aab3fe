using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using StationMap.Api.Auth;
using StationMap.Auth;
using StationMap.Feeds;
using StationMap.Feeds.Export;
using StationMap.Feeds.Profiles;

namespace StationMap.Api.Feeds;

internal static class FeedsApi
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new() { Mappings = { [".geojson"] = "application/geo+json" } };

    /// <summary>Feed profiles, exports (batches and their files) and publication status — publisher role and up.</summary>
    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/feeds/profiles", (FeedProfileCatalog catalog) => TypedResults.Ok(catalog.All.Select(ProfileDto.From).ToList()))
            .WithTags("Feeds").RequireRole(StaffRole.Publisher);
        var exports = app.MapGroup("/api/v1/exports").WithTags("Feeds").RequireRole(StaffRole.Publisher);
        exports.MapPost("/", Export).DisableRequestTimeout(); // runs the export in the request (Cluster/RequestDeadline)
        exports.MapGet("/", List);
        exports.MapGet("/{id:long}", Get);
        exports.MapGet("/{id:long}/files/{name}", Download).DisableRequestTimeout(); // a big file to a slow client
        app.MapPublicationApi();
        return app;
    }

    private static async Task<IResult> List(HttpContext http, ExportBatches batches, CancellationToken ct)
    {
        var errors = new List<StationMap.Common.FieldError>();
        var take = QueryParameters.Int(http.Request.Query, "take", 50, 1, 500, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        return TypedResults.Ok((await batches.ListAsync(http.Staff(), take, ct)).Select(b => ExportBatchDto.From(b, detail: false)).ToList());
    }

    private static async Task<IResult> Export(ExportRequestDto body, HttpContext http, FeedExporter exporter, CancellationToken ct)
    {
        var kind = body.Kind?.Trim().ToLowerInvariant() switch { null or "" or "full" => ExportKind.Full, "incremental" => ExportKind.Incremental, _ => (ExportKind?)null };
        if (kind is null) return Problems.Parameter("kind", "kind 须为 full 或 incremental", "kind must be full or incremental");
        if (string.IsNullOrWhiteSpace(body.Profile)) return Problems.Parameter("profile", "请指定模板 profile", "profile is required");
        var result = await exporter.ExportAsync(new ExportRequest(body.Profile.Trim(), (body.Adcode ?? http.Staff().OrgAdcode).Trim(), kind.Value), http.Staff(), ct);
        return result.Outcome switch
        {
            ExportOutcome.Created => TypedResults.Created($"/api/v1/exports/{result.Batch!.Id}", ExportBatchDto.From(result.Batch, detail: true)),
            ExportOutcome.Unchanged => TypedResults.Ok(ExportBatchDto.From(result.Batch!, detail: true)),
            ExportOutcome.ProfileNotFound => Problems.Status(404, "模板不存在 / profile not found", result.Message!),
            ExportOutcome.Forbidden => Problems.Status(403, "超出机构范围 / outside your area", result.Message!),
            _ => Problems.Validation([new StationMap.Common.FieldError("adcode", "invalid_parameter", result.Message!)]), // already in both languages
        };
    }

    private static async Task<Results<Ok<ExportBatchDto>, ProblemHttpResult>> Get(long id, HttpContext http, ExportBatches batches, CancellationToken ct) =>
        await batches.FindAsync(id, http.Staff(), ct) is { } batch ? TypedResults.Ok(ExportBatchDto.From(batch, detail: true)) : NotFound(id);

    private static async Task<IResult> Download(long id, string name, HttpContext http, ExportBatches batches, CancellationToken ct)
    {
        if (await batches.FindAsync(id, http.Staff(), ct) is not { } batch) return NotFound(id);
        if (batches.PathOf(batch, name) is not { } path)
            return Problems.Status(404, "文件不存在 / file not found", $"批次 {id} 没有文件 {name} / batch {id} has no file '{name}'");
        var type = ContentTypes.TryGetContentType(name, out var t) ? t : "application/octet-stream";
        if (type == "text/csv") type = "text/csv; charset=utf-8";
        return TypedResults.PhysicalFile(path, type, name);
    }

    private static ProblemHttpResult NotFound(long id) =>
        Problems.Status(404, "批次不存在 / batch not found", $"没有编号为 {id} 的导出批次（或不在您的范围内）/ no export batch {id} in your area");
}
