using System.Buffers;
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

    // One buffer and writer per thread: the body is written synchronously, then copied to the response.
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    public static IEndpointRouteBuilder MapNearbyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/stations/nearest", Nearest).WithTags("Nearby")
            .RequirePublicRateLimit(app).CacheOutputHeaders(15);
        return app;
    }

    private static async Task Nearest(HttpContext http, NearestSearch search, StationJsonCache templates, TimeProvider clock)
    {
        var (request, origin, output, errors) = NearestParameters.Parse(http.Request.Query, clock.GetUtcNow());
        if (request is null)
        {
            await Problems.Validation(errors).ExecuteAsync(http);
            return;
        }

        var (hits, path) = await search.SearchAsync(request, http.RequestAborted);
        var response = http.Response;
        response.Headers["X-Nearest-Path"] = path;
        if (WantsGeoJson(http.Request))
        {
            var geo = NearestGeoJson.From(NearestResponse.From(hits, request, origin, output, path), [.. hits.Select(h => (h.Station.Lng, h.Station.Lat))]);
            await TypedResults.Text(JsonSerializer.Serialize(geo, GeoJsonOptions), NearestGeoJson.ContentType).ExecuteAsync(http);
            return;
        }

        var buffer = _buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer, NearestJson.Options);
        writer.Reset(buffer);
        NearestJson.Write(writer, hits, request, origin, output, path, templates);
        writer.Flush();
        response.ContentType = NearestJson.ContentType;
        response.ContentLength = buffer.WrittenCount;
        response.BodyWriter.Write(buffer.WrittenSpan); // copied into the response pipe before any await
        await response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private static bool WantsGeoJson(HttpRequest r) =>
        r.Query["f"] == "geojson" || r.Headers.Accept.ToString().Contains(NearestGeoJson.ContentType, StringComparison.OrdinalIgnoreCase);
}
