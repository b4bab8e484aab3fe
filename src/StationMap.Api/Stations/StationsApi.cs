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
        return app;
    }

    private static async Task<Results<Ok<StationPage>, ValidationProblem>> List(HttpContext http, StationQuery query, CancellationToken ct)
    {
        var (filter, output, errors) = StationListParameters.Parse(http.Request.Query, isStaff: http.User.HasRole(StaffRole.Viewer));
        if (errors.Count > 0) return Problems.Validation(errors);
        var page = await query.ListAsync(filter!, ct);
        return TypedResults.Ok(new StationPage(page.Items.Select(s => s.ToDto(output)).ToList(), page.Page, page.PageSize, page.Total, output.ToWire()));
    }

    private static async Task<Results<Ok<StationDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> Get(
        string code, string? coordsys, HttpContext http, StationQuery query, CancellationToken ct)
    {
        if (!OutputCoordsys.TryParse(coordsys, out var output, out var error)) return error!;
        var station = await query.FindAsync(code, ct);
        if (station is null || (!station.IsPublic && !http.User.HasRole(StaffRole.Viewer)))
            return TypedResults.NotFound(NotFoundProblem(code));
        return TypedResults.Ok(station.ToDto(output));
    }

    private static async Task<Results<Ok<List<HistoryDto>>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> History(
        string code, StationQuery query, CancellationToken ct)
    {
        var history = await query.HistoryAsync(code, ct);
        if (history.Count == 0) return TypedResults.NotFound(NotFoundProblem(code));
        return TypedResults.Ok(history.Select(HistoryDto.From).ToList());
    }

    private static async Task<IResult> Create(StationInput input, HttpContext http, StationWriter writer, CancellationToken ct) =>
        StationWriteResults.ToHttp(await writer.CreateAsync(input, http.Staff(), ct), created: true);

    private static async Task<IResult> Update(string code, StationInput input, HttpContext http, StationWriter writer, CancellationToken ct)
    {
        // The version may come in the body or as If-Match (ETag from GET).
        var version = input.Version ?? IfMatch.Version(http.Request);
        return StationWriteResults.ToHttp(await writer.UpdateAsync(code, input with { Version = version }, http.Staff(), ct));
    }

    private static async Task<IResult> Delete(string code, int? version, string? reason, HttpContext http, StationWriter writer, CancellationToken ct) =>
        StationWriteResults.ToHttp(await writer.DeleteAsync(code, version ?? IfMatch.Version(http.Request), reason, http.Staff(), ct));

    internal static Microsoft.AspNetCore.Mvc.ProblemDetails NotFoundProblem(string code) => new()
    {
        Status = 404, Title = "站点不存在 / station not found", Detail = $"没有编码为 {code} 的站点 / no station with code {code}",
    };
}

internal sealed record StationPage(List<StationDto> Items, int Page, int PageSize, int Total, string Coordsys);
