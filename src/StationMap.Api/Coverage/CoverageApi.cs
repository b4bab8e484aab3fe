using StationMap.Api.Auth;
using StationMap.Auth;
using StationMap.Common;
using StationMap.Coverage;
using StationMap.Coverage.Points;
using StationMap.Coverage.Siting;
using StationMap.Coverage.Uploads;
using StationMap.Geo;
using StationMap.Orgs;

namespace StationMap.Api.Coverage;

/// <summary>
/// 双15 coverage (docs/coverage.md): summary per district (JSON or xlsx), gap cells as GeoJSON, counts for uploaded
/// demand points, and siting. GET reads stored coverage; POST takes the same parameters in a body plus hypothetical
/// closed/moved/added stations (never written). Staff of an area analyse only districts inside it.
/// </summary>
internal static class CoverageApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapCoverageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/coverage").WithTags("Coverage").RequireRole(StaffRole.Viewer);
        group.DisableRequestTimeout(); // coverage and siting runs are long by nature (Cluster/RequestDeadline)
        group.MapGet("/", (HttpContext http, CoverageService s, CancellationToken ct) =>
            Summary(http, s, Query(http), null, ct));
        group.MapPost("/", (HttpContext http, CoverageService s, CoverageBody body, CancellationToken ct) => Summary(http, s, body.Get, body, ct));
        group.MapGet("/cells", (HttpContext http, CoverageService s, CancellationToken ct) => Cells(http, s, Query(http), null, ct));
        group.MapPost("/cells", (HttpContext http, CoverageService s, CoverageBody body, CancellationToken ct) => Cells(http, s, body.Get, body, ct));
        group.MapPost("/siting", Siting);
        group.MapPost("/points", CoveragePointsApi.Points).DisableAntiforgery();
        app.MapCoverageTiles();
        return app;
    }

    private static Func<string, string?> Query(HttpContext http) => name => http.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    /// <summary>Parameters, scope and what-if from a query or body; a ready error result otherwise.</summary>
    internal static (CoverageParameters? P, WhatIfChanges WhatIf, IResult? Error) Prepare(HttpContext http, Func<string, string?> get, CoverageBody? body)
    {
        var errors = new List<FieldError>();
        var p = CoverageParameters.Parse(get, errors, body?.Uploaded());
        var whatIf = body?.WhatIf(p?.In ?? CoordSys.Wgs84, errors) ?? WhatIfChanges.None;
        if (p is null || errors.Count > 0) return (null, whatIf, Problems.Validation(errors));
        // An uploaded polygon reads only public station data: any staff key may analyse one.
        if (p.Region.Stored && !AdcodeScope.Covers(http.Staff().OrgAdcode, p.Adcode))
            return (null, whatIf, Problems.Status(StatusCodes.Status403Forbidden, "超出管辖范围 / outside your area",
                $"您的密钥只能分析 {http.Staff().OrgAdcode} 范围内的区县 / your key may analyse districts within {http.Staff().OrgAdcode} only: adcode={p.Adcode}"));
        return (p, whatIf, null);
    }

    private static async Task<IResult> Summary(HttpContext http, CoverageService service, Func<string, string?> get, CoverageBody? body, CancellationToken ct)
    {
        var (p, whatIf, error) = Prepare(http, get, body);
        if (error is not null) return error;
        var errors = new List<FieldError>();
        var format = QueryParameters.OneOf(http.Request.Query, "format", "json", ["json", "xlsx"], errors);
        var weights = WeightLayer.Parse(body?.Weights, p!.In, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var report = await service.AnalyzeAsync(p.Region, p.Radius, p.Cell, whatIf, p.Critical, ct, weights);
        if (!report.IsFinite()) return NotFinite("weights");
        if (format != "xlsx") return TypedResults.Json(CoverageJson.Report(report, p));
        var buffer = new MemoryStream();
        CoverageWorkbook.Write(buffer, report);
        return TypedResults.File(buffer.ToArray(), Xlsx, $"coverage-{p.Adcode}-{p.Radius:0}m.xlsx");
    }

    private static async Task<IResult> Cells(HttpContext http, CoverageService service, Func<string, string?> get, CoverageBody? body, CancellationToken ct)
    {
        var (p, whatIf, error) = Prepare(http, get, body);
        if (error is not null) return error;
        var maxText = body?.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? get("max");
        var errors = new List<FieldError>();
        var max = QueryParameters.Int(new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["max"] = maxText ?? "" }),
            "max", 1, 0, 1000, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var report = await service.AnalyzeAsync(p!.Region, p.Radius, p.Cell, whatIf, 0, ct);
        http.Response.ContentType = CoverageCellsGeoJson.ContentType;
        await CoverageCellsGeoJson.WriteAsync(http.Response.Body, report, max, p.Out, ct);
        return TypedResults.Empty;
    }

    private static async Task<IResult> Siting(HttpContext http, CoverageService service, CoverageBody body, CancellationToken ct)
    {
        var (p, whatIf, error) = Prepare(http, body.Get, body);
        if (error is not null) return error;
        var errors = new List<FieldError>();
        var k = body.K ?? 10;
        if (k is < 1 or > 500) errors.Add(FieldError.Of("k", "out_of_range", $"k 须为 1 到 500：{k}", $"k must be 1 to 500: {k}"));
        var uploaded = body.SitingCandidates(p!.In, errors);
        var weights = WeightLayer.Parse(body.Weights, p.In, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var report = await service.AnalyzeAsync(p.Region, p.Radius, p.Cell, whatIf, 0, ct, weights);
        if (!report.IsFinite()) return NotFinite("weights");
        var result = await Task.Run(() => SitingRunner.Run(report, uploaded.Count > 0 ? uploaded : null, p.Radius, k), ct);
        if (!result.IsFinite()) return NotFinite("weights");
        return TypedResults.Json(CoverageJson.Siting(result, p, p.Adcode));
    }

    /// <summary>Sums that left the finite numbers (<see cref="FiniteFigures"/>): a 400 on the weights, never NaN in the JSON.</summary>
    internal static IResult NotFinite(string field) => Problems.Validation([FieldError.Of(field, "weight_overflow",
        $"{field}：权重之和超出可计算的范围，请减小权重", $"{field}: the weights add up to more than can be computed; use smaller weights")]);
}
