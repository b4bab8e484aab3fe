using System.Security.Cryptography;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using StationMap.Api.Tiles;
using StationMap.Coverage;
using StationMap.Coverage.Grid;

namespace StationMap.Api.Coverage;

/// <summary>
/// Gap cells (count ≤ max) of a region as vector tiles (layer "coverage": count, adcode, area), for maps where the
/// GeoJSON of a whole city is too big. Only the region's districts that touch the tile are analysed (stored coverage,
/// as the GeoJSON endpoint reads it); the hexagons go to PostGIS to be projected, clipped and encoded, as the
/// district tiles do. Coordinates are WGS-84 in Web Mercator, like every tile StationMap serves.
/// </summary>
internal static class CoverageTiles
{
    public const string Layer = "coverage";
    /// <summary>Below this a tile spans tens of thousands of 100 m cells; the TileJSON says so and such tiles are refused.</summary>
    public const int MinZoom = 10;
    public const int MaxCellsPerTile = 150_000;

    private const string Sql = $"""
        SELECT ST_AsMVT(t, '{Layer}', 4096, 'geom') FROM (
          SELECT c.count, c.adcode, c.area,
                 ST_AsMVTGeom(ST_Transform(ST_GeomFromWKB(c.wkb, 4326), 3857), ST_TileEnvelope(@z, @x, @y), 4096, 64, true) AS geom
          FROM unnest(@counts, @adcodes, @areas, @wkbs) AS c(count, adcode, area, wkb)
        ) t WHERE geom IS NOT NULL
        """;

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>The tile, or null when it would hold more than <see cref="MaxCellsPerTile"/> cells.</summary>
    public static async Task<Tile?> GetAsync(CoverageService service, NpgsqlDataSource db, CoverageRegion region, double radius, double edge, int max, int z, int x, int y, CancellationToken ct)
    {
        // A cell reaches up to its edge from its centre; the margin is ST_AsMVTGeom's buffer (64 of 4096).
        var bounds = DistrictTiles.TileBounds(z, x, y, margin: 64 / 4096.0);
        var grown = CoverageStationReader.Grow(bounds, edge);
        var inTile = region.Districts.Where(d => d.Outline.EnvelopeInternal.Intersects(grown)).ToList();
        var counts = new List<int>();
        var adcodes = new List<string>();
        var areas = new List<double>();
        var wkbs = new List<byte[]>();
        if (inTile.Count > 0)
        {
            var report = await service.AnalyzeAsync(region with { Districts = inTile }, radius, edge, WhatIfChanges.None, 0, ct);
            var writer = new WKBWriter();
            foreach (var d in report.Details)
            {
                var cells = d.Coverage.Cells;
                for (var i = 0; i < cells.Count; i++)
                {
                    if (d.Counts[i] > max || !grown.Contains(cells.Lng[i], cells.Lat[i])) continue;
                    if (counts.Count == MaxCellsPerTile) return null;
                    var ring = HexGrid.HexagonWgs(cells.Grid!, cells.X![i], cells.Y![i]).Select(p => new Coordinate(p.Lng, p.Lat)).ToArray();
                    counts.Add(d.Counts[i]);
                    adcodes.Add(d.Coverage.District.Adcode);
                    areas.Add(Math.Round(cells.Weight[i]));
                    wkbs.Add(writer.Write(Wgs84.CreatePolygon(ring)));
                }
            }
        }
        byte[] bytes = [];
        if (counts.Count > 0)
        {
            await using var cmd = db.CreateCommand(Sql);
            cmd.Parameters.Add(new("z", z));
            cmd.Parameters.Add(new("x", x));
            cmd.Parameters.Add(new("y", y));
            cmd.Parameters.Add(new("counts", counts.ToArray()));
            cmd.Parameters.Add(new("adcodes", adcodes.ToArray()));
            cmd.Parameters.Add(new("areas", areas.ToArray()));
            cmd.Parameters.Add(new("wkbs", wkbs.ToArray()));
            await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            if (await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct)) bytes = await reader.GetFieldValueAsync<byte[]>(0, ct);
        }
        var etag = "\"c" + Convert.ToBase64String(SHA256.HashData(bytes), 0, 12) + "\"";
        return new Tile(bytes, StationTiles.Gzip(bytes), etag, DateTime.UtcNow);
    }
}
