using System.Globalization;
using Npgsql;
using StationMap.Api.Auth;
using StationMap.Api.Tiles;
using StationMap.Auth;
using StationMap.Common;
using StationMap.Coverage;

namespace StationMap.Api.Coverage;

/// <summary>
/// Gap cells as vector tiles: /tiles/coverage/{adcode}/{z}/{x}/{y}.mvt?radius=&amp;cell=&amp;max= and its TileJSON at
/// /tiles/coverage/{adcode}.json. Same parameters, key and area scope as GET /api/v1/coverage/cells; the tile address
/// and the TileJSON come from the shared tile code.
/// </summary>
internal static class CoverageTilesApi
{
    /// <summary>Counts follow station writes: clients revalidate each time and the content-hash ETag answers 304.</summary>
    private const string CacheControl = "private, no-cache";

    public static IEndpointRouteBuilder MapCoverageTiles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/tiles/coverage").WithTags("Tiles").RequireRole(StaffRole.Viewer);
        group.DisableRequestTimeout(); // a tile of a district not yet analysed runs its coverage first, as /api/v1/coverage does
        group.MapGet("/{adcode}.json", TileJson);
        group.MapGet("/{adcode}/{z}/{x}/{y}.mvt", Tile);
        return app;
    }

    private static async Task<IResult> Tile(string adcode, string z, string x, string y, HttpContext http, CoverageService service, NpgsqlDataSource db,
        TileCache cache, CancellationToken ct)
    {
        var (p, max, error) = Parse(http, adcode);
        if (error is not null) return error;
        var (at, errors) = TilesApi.Address(z, x, y);
        if (at is not { } t) return Problems.Validation(errors!);
        if (t.Zoom < CoverageTiles.MinZoom)
            return Problems.Validation([FieldError.Of("z", "out_of_range", $"覆盖格瓦片从 z={CoverageTiles.MinZoom} 起提供：'{z}'",
                $"coverage tiles start at z={CoverageTiles.MinZoom}: '{z}'")]);
        // Kept with the station tiles, per station data version: a planner's map asks for the same tiles again and again.
        var set = string.Create(CultureInfo.InvariantCulture, $"coverage/{p!.Adcode}/{p.Radius}/{p.Cell}/{max}");
        var tile = await cache.GetOrMakeAsync(set, t.Zoom, t.Col, t.Row,
            () => CoverageTiles.GetAsync(service, db, p.Region, p.Radius, p.Cell, max, t.Zoom, t.Col, t.Row, ct));
        if (tile is null)
            return Problems.Validation([FieldError.Of("z", "too_many_cells", $"该瓦片超过 {CoverageTiles.MaxCellsPerTile:N0} 个格子，请放大或加大 cell",
                $"this tile holds more than {CoverageTiles.MaxCellsPerTile:N0} cells; zoom in or use a larger cell")]);
        return TilesApi.Send(http, tile, CacheControl);
    }

    private static IResult TileJson(string adcode, HttpContext http)
    {
        var (p, max, error) = Parse(http, adcode);
        if (error is not null) return error;
        var box = p!.Region.Districts.Select(d => d.Outline.EnvelopeInternal).Aggregate((a, b) => a.ExpandedBy(b));
        var query = string.Create(CultureInfo.InvariantCulture, $"?radius={p.Radius}&cell={p.Cell}&max={max}");
        var extent = new TileJsonExtent([box.MinX, box.MinY, box.MaxX, box.MaxY], [box.Centre.X, box.Centre.Y, 11], CoverageTiles.MinZoom, query);
        return TilesApi.TileJson(http, CacheControl, $"coverage/{p.Adcode}", CoverageTiles.Layer,
            $"{p.Region.Name} 覆盖次数 ≤ {max} 的格子（{p.Radius:0} m 半径） / cells of {p.Adcode} covered at most {max} times within {p.Radius:0} m",
            $"六边形格子，z ≥ {CoverageTiles.MinZoom} / hexagon cells, from z{CoverageTiles.MinZoom}",
            new() { ["count"] = "Number (stations within the radius)", ["adcode"] = "String (GB/T 2260)", ["area"] = "Number (m², clipped to the district)" },
            extent);
    }

    /// <summary>The cells endpoint's parameters (adcode from the path), its scope check and max.</summary>
    private static (CoverageParameters? P, int Max, IResult? Error) Parse(HttpContext http, string adcode)
    {
        var q = http.Request.Query;
        var (p, _, error) = CoverageApi.Prepare(http, name => name == "adcode" ? adcode : q.TryGetValue(name, out var v) ? v.ToString() : null, null);
        if (error is not null) return (null, 0, error);
        var errors = new List<FieldError>();
        var max = QueryParameters.Int(q, "max", 1, 0, 1000, errors);
        return errors.Count > 0 ? (null, 0, Problems.Validation(errors)) : (p, max, null);
    }
}
