using Microsoft.Net.Http.Headers;
using StationMap.Common;

namespace StationMap.Api.Tiles;

/// <summary>
/// Vector tiles of public stations at /tiles/stations/{z}/{x}/{y}.mvt and of district boundaries at
/// /tiles/districts/{z}/{x}/{y}.mvt, each described by TileJSON.
/// </summary>
internal static class TilesApi
{
    public const string MvtType = "application/vnd.mapbox-vector-tile";
    private const string CacheControl = "public, max-age=60";
    /// <summary>District outlines change only with a new build (and the ETag is the content's hash).</summary>
    private const string StaticCacheControl = "public, max-age=86400";

    public static IEndpointRouteBuilder MapTilesApi(this IEndpointRouteBuilder app)
    {
        // The same per-client budget as the other anonymous reads: a map view is a dozen tiles, far under it.
        var group = app.MapGroup("/tiles").WithTags("Tiles").RequirePublicRateLimit(app);
        group.MapGet("/stations.json", StationTileJson);
        group.MapGet("/stations/{z}/{x}/{y}.mvt", Tile);
        group.MapGet("/districts.json", DistrictTileJson);
        group.MapGet("/districts/{z}/{x}/{y}.mvt", DistrictTile);
        return app;
    }

    private static async Task<IResult> Tile(string z, string x, string y, HttpContext http, StationTiles tiles, CancellationToken ct)
    {
        var (at, errors) = Address(z, x, y);
        return at is { } t ? Send(http, await tiles.GetAsync(t.Zoom, t.Col, t.Row, ct), CacheControl) : Problems.Validation(errors!);
    }

    private static async Task<IResult> DistrictTile(string z, string x, string y, HttpContext http, DistrictTiles tiles, CancellationToken ct)
    {
        var (at, errors) = Address(z, x, y);
        return at is { } t ? Send(http, await tiles.GetAsync(t.Zoom, t.Col, t.Row, ct), StaticCacheControl) : Problems.Validation(errors!);
    }

    /// <summary>A tile's z/x/y, or the problems naming each part that is out of range.</summary>
    internal static ((int Zoom, int Col, int Row)? At, List<FieldError>? Errors) Address(string z, string x, string y)
    {
        var errors = new List<FieldError>();
        var zoom = Coordinate(z, "z", StationTileSql.MaxZoom, errors);
        var max = zoom is >= 0 and <= StationTileSql.MaxZoom ? (1 << zoom) - 1 : 0;
        var (col, row) = (Coordinate(x, "x", max, errors), Coordinate(y, "y", max, errors));
        return errors.Count > 0 ? (null, errors) : ((zoom, col, row), null);
    }

    internal static IResult Send(HttpContext http, Tile tile, string cacheControl)
    {
        var headers = http.Response.Headers;
        headers.ETag = tile.ETag;
        headers.CacheControl = cacheControl;
        if (http.Request.Headers.IfNoneMatch.ToString().Split(',').Any(t => t.Trim() == tile.ETag || t.Trim() == "*"))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        headers.Vary = "Accept-Encoding";
        if (!AcceptsGzip(http.Request)) return Results.Bytes(tile.Bytes, MvtType);
        headers.ContentEncoding = "gzip";
        return Results.Bytes(tile.Gzipped, MvtType);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(v => v is not null && v.Contains("gzip", StringComparison.OrdinalIgnoreCase));

    private static int Coordinate(string text, string name, int max, List<FieldError> errors)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v <= max) return v;
        errors.Add(FieldError.Of(name, "out_of_range", $"{name} 须为 0 到 {max} 之间的整数：'{text}'", $"{name} must be a whole number from 0 to {max}: '{text}'"));
        return -1;
    }

    private static IResult DistrictTileJson(HttpContext http) => TileJson(http, StaticCacheControl, "districts", DistrictTiles.Layer,
        "主要城市市辖区边界（GB/T 2260 代码） / urban district boundaries of the main cities with their GB/T 2260 codes",
        "区县多边形 / district polygons, simplified to about a pixel per zoom",
        new() { ["adcode"] = "String (GB/T 2260)", ["name"] = "String" });

    private static IResult StationTileJson(HttpContext http) => TileJson(http, CacheControl, "stations", StationTileSql.Layer,
        "公开运行中的户外劳动者服务站点；z<10 为网格计数 / public active stations; below z10, counts per grid cell",
        "z ≥ 10: one point per station; z < 10: count + online_<provider> per grid cell",
        new()
        {
            ["code"] = "String", ["type"] = "String",
            ["online"] = "String (providers where it is online, comma-separated)", ["count"] = "Number (z < 10)",
        });

    /// <summary>A TileJSON 3.0 document for one layer served at /tiles/{path}/{z}/{x}/{y}.mvt{query}.</summary>
    internal static IResult TileJson(HttpContext http, string cacheControl, string path, string layer, string description,
        string layerDescription, Dictionary<string, string> fields, TileJsonExtent? extent = null)
    {
        extent ??= TileJsonExtent.China;
        var r = http.Request;
        http.Response.Headers.CacheControl = cacheControl;
        return TypedResults.Ok(new Dictionary<string, object>
        {
            ["tilejson"] = "3.0.0",
            ["name"] = layer,
            ["description"] = description,
            ["tiles"] = new[] { $"{r.Scheme}://{r.Host}{r.PathBase}/tiles/{path}/{{z}}/{{x}}/{{y}}.mvt{extent.Query}" },
            ["minzoom"] = extent.MinZoom,
            ["maxzoom"] = 16,
            ["bounds"] = extent.Bounds,
            ["center"] = extent.Center,
            ["vector_layers"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["id"] = layer, ["description"] = layerDescription, ["minzoom"] = extent.MinZoom, ["maxzoom"] = 16, ["fields"] = fields,
                },
            },
        });
    }
}

/// <summary>Where a tile set has data and from which zoom; <see cref="Query"/> (e.g. "?radius=1000") follows each tile URL.</summary>
internal sealed record TileJsonExtent(double[] Bounds, double[] Center, int MinZoom, string Query = "")
{
    public static readonly TileJsonExtent China = new([73.0, 17.5, 135.5, 54.0], [116.3975, 39.9087, 10], 0);
}
