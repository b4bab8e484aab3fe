using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Api.Auth;
using StationMap.Auth;
using StationMap.Feeds;
using StationMap.Feeds.Profiles;
using StationMap.Publication;

namespace StationMap.Api.Feeds;

internal static class PublicationApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapPublicationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/publication").WithTags("Publication").RequireRole(StaffRole.Publisher);
        group.MapGet("/summary", Summary);
        group.MapPost("/results", ImportResults).DisableAntiforgery().DisableRequestTimeout(); // an upload
        group.MapPut("/{code}/{provider}", Set);
        return app;
    }

    private static async Task<IResult> Summary(string? adcode, string? format, HttpContext http, PublicationReport report, CancellationToken ct)
    {
        var who = http.Staff();
        var area = string.IsNullOrWhiteSpace(adcode) ? who.OrgAdcode : adcode.Trim();
        if (!FeedScope.IsAdcode(area)) return Problems.Parameter("adcode", "adcode 须为6位数字", "adcode must be 6 digits");
        if (!FeedScope.Covers(who, area))
            return Problems.Status(403, "超出机构范围 / outside your area", $"您的机构范围为 {who.OrgAdcode} / your organisation covers {who.OrgAdcode}, not {area}");
        var summary = await report.SummaryAsync(area, ct);
        return format?.ToLowerInvariant() == "xlsx"
            ? TypedResults.File(PublicationSheet.Write(summary), Xlsx, $"publication-{area}.xlsx")
            : TypedResults.Ok(summary);
    }

    /// <summary>Read like an import upload (one guarded reader, one queue of uploads): 400/413 when the file is refused.</summary>
    private static async Task<IResult> ImportResults(string? provider, IFormFile? file, HttpContext http, PublicationService service,
        FeedProfileCatalog catalog, StationMap.Import.UploadGate gate, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(provider)) return Problems.Parameter("provider", "请指定 provider（amap 或 baidu）", "provider is required (amap or baidu)");
        if (UnknownProvider(provider, catalog) is { } unknown) return unknown;
        if (file is null || file.Length == 0) return Problems.Parameter("file", "请上传结果文件（CSV 或 xlsx）", "upload the result file (CSV or xlsx) as 'file'");
        await using var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await file.CopyToAsync(temp, ct);
        temp.Position = 0;
        using var slot = await gate.EnterAsync(ct);
        try
        {
            return TypedResults.Ok(await service.ImportAsync(temp, file.FileName, provider.Trim(), http.Staff(), ct));
        }
        catch (StationMap.Import.SheetLimitException e)
        {
            return Problems.Status(e.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                "文件无法读取 / the file cannot be read", e.Problem.Message);
        }
    }

    private static async Task<IResult> Set(string code, string provider, PublicationUpdate body, HttpContext http, PublicationService service,
        FeedProfileCatalog catalog, CancellationToken ct)
    {
        if (UnknownProvider(provider, catalog) is { } unknown) return unknown;
        var result = await service.SetAsync(code, provider, body, http.Staff(), ct);
        return result.Outcome switch
        {
            PublicationOutcome.Ok => TypedResults.Ok(PublicationRecordDto.From(result.Record!)),
            PublicationOutcome.NotFound => Problems.Status(404, "站点不存在 / station not found", result.Message!),
            PublicationOutcome.Forbidden => Problems.Status(403, "超出机构范围 / outside your area", result.Message!),
            _ => Problems.Parameter("state", result.Message!, result.Message!),
        };
    }

    /// <summary>Providers are those of the feed profile catalog: anything else would create records no report shows.</summary>
    private static IResult? UnknownProvider(string provider, FeedProfileCatalog catalog)
    {
        var known = catalog.All.Select(p => p.Provider).Distinct().Order(StringComparer.Ordinal).ToList();
        if (known.Contains(provider.Trim().ToLowerInvariant())) return null;
        var valid = string.Join(", ", known);
        var shown = StationMap.Stations.StationTextRules.Echo(provider);
        return Problems.Validation([QueryParameters.Invalid("provider", shown, valid)]);
    }
}
