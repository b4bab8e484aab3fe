using System.Text.Json;
using System.Text.Json.Nodes;
using StationMap.Api.Stations;

namespace StationMap.Api.Ogc;

/// <summary>OGC API – Features Part 1 (Core, GeoJSON, OpenAPI 3.0) and Part 2's bbox-crs, at /ogc.</summary>
internal static class OgcApi
{
    public static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
    ];

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapOgcApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ogc").WithTags("OGC API Features");
        group.MapGet("/", Landing);
        group.MapGet("/api", (HttpContext http) => Results.Text(OgcOpenApi.Document(OgcLinks.Base(http.Request)), OgcLinks.OpenApi));
        group.MapGet("/conformance", () => TypedResults.Ok(new { conformsTo = ConformanceClasses }));
        group.MapGet("/collections", Collections);
        group.MapGet("/collections/{collectionId}", Collection);
        group.MapGet("/collections/{collectionId}/items", Items).RequirePublicRateLimit(app)
            .DisableRequestTimeout(); // pages of up to 10,000 features streamed to the client (Cluster/RequestDeadline)
        group.MapGet("/collections/{collectionId}/items/{featureId}", Item).RequirePublicRateLimit(app);
        return app;
    }

    private static IResult Landing(HttpContext http)
    {
        var b = OgcLinks.Base(http.Request);
        return TypedResults.Ok(new
        {
            title = "StationMap 户外劳动者服务站点",
            description = "OGC API – Features: 工会户外劳动者服务站点 / trade-union outdoor-worker service stations",
            links = new OgcLink[]
            {
                new(b, "self", OgcLinks.Json, "this document"),
                new($"{b}/api", "service-desc", OgcLinks.OpenApi, "the API definition (OpenAPI 3.0)"),
                new($"{b}/conformance", "conformance", OgcLinks.Json, "conformance classes"),
                new($"{b}/collections", "data", OgcLinks.Json, "the feature collections"),
            },
        });
    }

    private static async Task<IResult> Collections(HttpContext http, IEnumerable<OgcCollection> collections, CancellationToken ct)
    {
        var list = new List<object>();
        foreach (var c in collections) list.Add(await DescribeAsync(c, http, ct));
        var b = OgcLinks.Base(http.Request);
        return TypedResults.Ok(new { links = new OgcLink[] { new($"{b}/collections", "self", OgcLinks.Json, "the collections") }, collections = list });
    }

    private static async Task<IResult> Collection(string collectionId, HttpContext http, IEnumerable<OgcCollection> collections, CancellationToken ct) =>
        Find(collections, collectionId) is { } c ? TypedResults.Ok(await DescribeAsync(c, http, ct)) : CollectionNotFound(collectionId);

    private static async Task<object> DescribeAsync(OgcCollection c, HttpContext http, CancellationToken ct)
    {
        var b = $"{OgcLinks.Base(http.Request)}/collections/{c.Id}";
        var bbox = await c.ExtentAsync(Viewer(http), ct);
        return new
        {
            id = c.Id, title = c.Title, description = c.Description, itemType = "feature",
            extent = new
            {
                spatial = new { bbox = bbox is null ? Array.Empty<double[]>() : [bbox], crs = OgcItemsParameters.Crs84 },
                temporal = new { interval = new[] { new string?[] { null, null } }, trs = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian" },
            },
            crs = new[] { OgcItemsParameters.Crs84 },
            storageCrs = OgcItemsParameters.Crs84,
            links = new OgcLink[]
            {
                new(b, "self", OgcLinks.Json, c.Title),
                new($"{b}/items", "items", OgcLinks.GeoJson, c.Title),
            },
        };
    }

    private static async Task Items(string collectionId, HttpContext http, IEnumerable<OgcCollection> collections)
    {
        if (Find(collections, collectionId) is not { } c) { await CollectionNotFound(collectionId).ExecuteAsync(http); return; }
        var (request, errors) = OgcItemsParameters.Parse(http.Request.Query, c);
        if (request is null) { await Problems.Validation(errors).ExecuteAsync(http); return; }

        var page = await c.ItemsAsync(request, Viewer(http), http.RequestAborted);
        SetGeoJsonHeaders(http);
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WritePropertyName("features");
        w.WriteRawValue(page.FeaturesJson, skipInputValidation: true);
        w.WriteNumber("numberMatched", page.NumberMatched);
        w.WriteNumber("numberReturned", page.NumberReturned);
        w.WriteString("timeStamp", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        w.WritePropertyName("links");
        JsonSerializer.Serialize(w, OgcLinks.ItemsPage(http.Request, c.Id, request, page), OgcJson.Options);
        w.WriteEndObject();
        await w.FlushAsync(http.RequestAborted);
    }

    private static async Task<IResult> Item(string collectionId, string featureId, HttpContext http, IEnumerable<OgcCollection> collections, CancellationToken ct)
    {
        if (Find(collections, collectionId) is not { } c) return CollectionNotFound(collectionId);
        var errors = new List<StationMap.Common.FieldError>();
        OgcItemsParameters.CheckOutput(http.Request.Query, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await c.ItemAsync(featureId, Viewer(http), ct) is not { } text)
            return Problems.Status(404, "要素不存在 / feature not found", $"{collectionId} 中没有 {featureId} / no feature {featureId} in {collectionId}");
        var feature = JsonNode.Parse(text)!.AsObject();
        var b = $"{OgcLinks.Base(http.Request)}/collections/{c.Id}";
        feature["links"] = JsonSerializer.SerializeToNode(new OgcLink[]
        {
            new($"{b}/items/{Uri.EscapeDataString(featureId)}", "self", OgcLinks.GeoJson, "this feature"),
            new(b, "collection", OgcLinks.Json, c.Title),
        }, OgcJson.Options);
        SetGeoJsonHeaders(http);
        return Results.Text(feature.ToJsonString(OgcJson.Options), OgcLinks.GeoJson);
    }

    private static void SetGeoJsonHeaders(HttpContext http)
    {
        http.Response.ContentType = OgcLinks.GeoJson;
        http.Response.Headers["Content-Crs"] = $"<{OgcItemsParameters.Crs84}>";
    }

    private static OgcCollection? Find(IEnumerable<OgcCollection> collections, string id) => collections.FirstOrDefault(c => c.Id == id);

    private static IResult CollectionNotFound(string id) =>
        Problems.Status(404, "集合不存在 / collection not found", $"没有名为 {id} 的集合 / no collection named {id}");

    /// <summary>The station API's reader: the same fields as /api/v1/stations; outside the key's area, active stations only (OgcCollection).</summary>
    private static StationReader Viewer(HttpContext http) => StationReader.Of(http);
}

internal static class OgcJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
