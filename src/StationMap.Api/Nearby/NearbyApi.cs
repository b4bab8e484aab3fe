using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Geo;
using StationMap.Hours;

namespace StationMap.Api.Nearby;

internal static class NearbyApi
{
    public const string StaleHeader = "X-Data-Stale", PathHeader = "X-Nearest-Path";

    public static IEndpointRouteBuilder MapNearbyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/stations/nearest", Nearest).WithTags("Nearby")
            .RequirePublicRateLimit(app).CacheOutputHeaders(15);
        return app;
    }

    private static async Task<Results<JsonHttpResult<NearestResponse>, JsonHttpResult<NearestFeatureCollection>, ValidationProblem>> Nearest(
        HttpContext http, NearestSearch search, TimeProvider clock, HolidayCalendar holidays, CancellationToken ct)
    {
        var (request, origin, output, errors) = NearestParameters.Parse(http.Request.Query, clock.GetUtcNow(), holidays);
        if (request is null) return Problems.Validation(errors);

        var answer = await search.SearchAsync(request, ct);
        var headers = http.Response.Headers;
        headers[PathHeader] = answer.Path;
        if (answer.Stale)
        {
            // The database is away: say so, and keep caches from holding the answer beyond the outage.
            headers[StaleHeader] = "true";
            headers.CacheControl = "no-store";
        }
        if (WantsGeoJson(http.Request))
            return TypedResults.Json(NearestFeatureCollection.From(NearestResponse.From(answer.Hits, request, origin, CoordSys.Wgs84, answer.Path)),
                NearbyJsonContext.Web.NearestFeatureCollection, NearestFeatureCollection.ContentType);
        return TypedResults.Json(NearestResponse.From(answer.Hits, request, origin, output, answer.Path), NearbyJsonContext.Web.NearestResponse);
    }

    private static bool WantsGeoJson(HttpRequest r) =>
        r.Query["f"] == "geojson" || r.Headers.Accept.ToString().Contains(NearestFeatureCollection.ContentType, StringComparison.OrdinalIgnoreCase);
}
