using System.Text.Json;
using NetTopologySuite.IO.Converters;
using StationMap.Geo;

namespace StationMap.Api.Nearby;

internal static class NearbyApi
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new GeoJsonConverterFactory() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapNearbyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/stations/nearest", Nearest).WithTags("Nearby")
            .RequireRateLimiting(RateLimits.Public).CacheOutputHeaders(15);
        return app;
    }

    private static async Task<IResult> Nearest(HttpContext http, NearestSearch search, TimeProvider clock, CancellationToken ct)
    {
        var (request, origin, output, errors) = NearestParameters.Parse(http.Request.Query, clock.GetUtcNow());
        if (request is null) return Problems.Validation(errors);

        var (hits, path) = await search.SearchAsync(request, ct);
        http.Response.Headers["X-Nearest-Path"] = path;
        var response = NearestResponse.From(hits, request, origin, output, path);
        if (!WantsGeoJson(http.Request)) return TypedResults.Ok(response);

        var geo = NearestGeoJson.From(response, hits.Select(h => (h.Station.Lng, h.Station.Lat)).ToList());
        return TypedResults.Text(JsonSerializer.Serialize(geo, GeoJsonOptions), NearestGeoJson.ContentType);
    }

    private static bool WantsGeoJson(HttpRequest r) =>
        r.Query["f"] == "geojson" || r.Headers.Accept.ToString().Contains(NearestGeoJson.ContentType, StringComparison.OrdinalIgnoreCase);
}
