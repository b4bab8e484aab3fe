using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Api.Auth;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.Mapping;
using StationMap.Stations;

namespace StationMap.Api.Stations;

internal static class StationsApi
{
    public static IEndpointRouteBuilder MapStationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/stations").WithTags("Stations");
        group.MapGet("/", List).RequirePublicRateLimit(app);
        group.MapGet("/{code}", Get).RequirePublicRateLimit(app);
        group.MapGet("/{code}/history", History).RequireRole(StaffRole.Viewer);
        group.MapPost("/", Create).RequireRole(StaffRole.Editor);
        group.MapPut("/{code}", Update).RequireRole(StaffRole.Editor);
        group.MapDelete("/{code}", Delete).RequireRole(StaffRole.Editor);
        group.MapPost("/{code}/restore", Restore).RequireRole(StaffRole.Editor)
            .WithSummary("恢复已删除的站点 / restore a deleted station")
            .Produces<StationDto>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return app;
    }

    private static async Task<Results<Ok<StationPage>, ValidationProblem>> List(HttpContext http, StationQuery query, CancellationToken ct)
    {
        var reader = StationReader.Of(http);
        var (filter, output, errors) = StationListParameters.Parse(http.Request.Query, reader.Who);
        if (errors.Count > 0) return Problems.Validation(errors);
        http.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, StationETag.VaryOnCaller);
        var page = await query.ListAsync(filter!, ct);
        return TypedResults.Ok(new StationPage(page.Items.Select(s => reader.View(s, output)).ToList(), page.Page, page.PageSize,
            page.Total, output.ToWire(), page.TotalCapped));
    }

    private static async Task<Results<Ok<StationDto>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> Get(
        string code, HttpContext http, StationQuery query, CancellationToken ct)
    {
        if (!OutputCoordsys.OfRead(http.Request.Query, out var output, out var bad)) return bad!;
        if (!StationCodes.CouldExist(code)) return NotFound(code);
        var reader = StationReader.Of(http);
        var station = await query.FindAsync(code, ct);
        // A non-public station outside the reader's area answers exactly like a missing one: its existence is internal too.
        if (station is null || !reader.MaySee(station)) return NotFound(code);
        var fullView = reader.InArea(station);
        StationETag.Set(http.Response, station.Version, fullView);
        if (StationETag.NotModified(http.Request, station.Version, fullView)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(reader.View(station, output));
    }

    private static async Task<Results<Ok<List<HistoryDto>>, ProblemHttpResult, ValidationProblem>> History(
        string code, HttpContext http, StationQuery query, CancellationToken ct)
    {
        if (!OutputCoordsys.OfRead(http.Request.Query, out var output, out var bad)) return bad!;
        if (!StationCodes.CouldExist(code)) return NotFound(code);
        var who = http.Staff();
        var station = await query.FindAnyAsync(code, ct);
        if (station is null || !StationVisibility.MayKnow(who, station)) return NotFound(code);
        // History carries notes, actors and reasons: only the managing area reads it. Whether the station exists is
        // public for a listed station (403 says "not yours"), internal for a non-public or deleted one (404 above).
        if (!StationVisibility.InArea(who, station.Adcode))
            return Problems.Status(403, "超出机构范围 / outside your organisation's area",
                $"站点历史仅对所属行政区 {station.Adcode} 的机构开放（您的机构范围：{who.OrgAdcode}） / only organisations covering {station.Adcode} may read this station's history (yours covers {who.OrgAdcode})");
        var history = await query.HistoryAsync(code, ct);
        if (history.Count == 0) return NotFound(code);
        return TypedResults.Ok(history.Select(h => HistoryDto.From(h, output)).ToList());
    }

    private static async Task<IResult> Create(StationInput input, HttpContext http, StationWriter writer, CancellationToken ct)
    {
        if (!OutputCoordsys.OfWrite(http.Request.Query, out var output, out var bad)) return bad!;
        return StationWriteResults.ToHttp(http.Response, await writer.CreateAsync(input, http.Staff(), ct), output);
    }

    private static async Task<IResult> Update(string code, StationInput input, HttpContext http, StationWriter writer, CancellationToken ct)
    {
        if (!StationCodes.CouldExist(code)) return NotFound(code);
        // The version may come in the body or as If-Match (ETag from GET).
        var version = input.Version ?? IfMatch.Version(http.Request);
        if (!OutputCoordsys.OfWrite(http.Request.Query, out var output, out var bad)) return bad!;
        return StationWriteResults.ToHttp(http.Response, await writer.UpdateAsync(code, input with { Version = version }, http.Staff(), ct), output);
    }

    private static async Task<IResult> Delete(string code, int? version, string? reason, HttpContext http, StationWriter writer, CancellationToken ct)
    {
        if (!StationCodes.CouldExist(code)) return NotFound(code);
        if (!OutputCoordsys.OfWrite(http.Request.Query, out var output, out var bad)) return bad!;
        return StationWriteResults.ToHttp(http.Response, await writer.DeleteAsync(code, version ?? IfMatch.Version(http.Request), reason, http.Staff(), ct), output);
    }

    /// <summary>Undoes a soft delete: the version is the one the delete left (query or If-Match), like DELETE's.</summary>
    private static async Task<IResult> Restore(string code, int? version, string? reason, HttpContext http, StationWriter writer, CancellationToken ct)
    {
        if (!StationCodes.CouldExist(code)) return NotFound(code);
        if (!OutputCoordsys.OfWrite(http.Request.Query, out var output, out var bad)) return bad!;
        return StationWriteResults.ToHttp(http.Response, await writer.RestoreAsync(code, version ?? IfMatch.Version(http.Request), reason, http.Staff(), ct), output);
    }

    /// <summary>404 as ProblemDetails (application/problem+json), like every other error.</summary>
    private static ProblemHttpResult NotFound(string code) => TypedResults.Problem(NotFoundProblem(code));

    internal static Microsoft.AspNetCore.Mvc.ProblemDetails NotFoundProblem(string code) => new()
    {
        Status = 404, Title = "站点不存在 / station not found",
        Detail = $"没有编码为 {StationTextRules.Echo(code)} 的站点 / no station with code {StationTextRules.Echo(code)}",
    };
}

/// <summary>
/// One page of the list. <c>total</c> is exact unless <c>totalCapped</c> is true: then more than <c>total</c> stations
/// match (the count stops there so a broad search stays cheap).
/// </summary>
internal sealed record StationPage(List<StationDto> Items, int Page, int PageSize, int Total, string Coordsys, bool TotalCapped);
