namespace StationMap.Api.Tiles;

/// <summary>
/// Mapbox vector tiles of public active stations, made by PostGIS (ST_AsMVT). From <see cref="PointZoom"/> on,
/// one point per station; below it, stations are counted in a grid of <see cref="CellsPerTile"/>² cells per tile
/// (a national view gets a few hundred counts, not 150k points). Both carry how many are online ("上图") per provider.
/// Points are lean (code, type, online): the maps draw dots, and names and details come from the API by code.
/// </summary>
internal static class StationTileSql
{
    public const string Layer = "stations";
    public const int PointZoom = 10, CellsPerTile = 16, MaxZoom = 22;

    // The geography box uses the GiST index on location; densified edges (1/32 of the tile) and the margin
    // keep it a superset of the tile, and ST_AsMVTGeom clips exactly. The margin is cut at the world's edge (the z0
    // tile): past ±180° the box would wrap into one spanning the whole world.
    private const string InTile = """
        s.deleted_at IS NULL AND s.is_public AND s.status = 'active'
        AND s.location && ST_Segmentize(ST_Transform(
              ST_Intersection(ST_TileEnvelope(@z, @x, @y, margin => @margin), ST_TileEnvelope(0, 0, 0)), 4326), @seg)::geography
        """;

    public const string Points = $"""
        SELECT ST_AsMVT(t, '{Layer}', 4096, 'geom') FROM (
          SELECT s.code, s.type,
                 coalesce((SELECT string_agg(p.provider, ',' ORDER BY p.provider) FROM publication_records p
                           WHERE p.station_id = s.id AND p.state = 'online'), '') AS online,
                 ST_AsMVTGeom(ST_Transform(s.location::geometry, 3857), ST_TileEnvelope(@z, @x, @y), 4096, 64, true) AS geom
          FROM stations s WHERE {InTile}
        ) t WHERE geom IS NOT NULL
        """;

    public const string Clusters = $"""
        WITH pts AS (
          SELECT s.id, g, floor(ST_X(g) / @cell)::bigint AS cx, floor(ST_Y(g) / @cell)::bigint AS cy
          FROM stations s, ST_Transform(s.location::geometry, 3857) g
          WHERE {InTile} AND g && ST_TileEnvelope(@z, @x, @y)
        ), cells AS (
          SELECT cx, cy, count(*)::int AS count, ST_SetSRID(ST_MakePoint(avg(ST_X(g)), avg(ST_Y(g))), 3857) AS c FROM pts GROUP BY cx, cy
        ), online AS (
          SELECT cx, cy, jsonb_object_agg('online_' || provider, n) AS props FROM (
            SELECT pts.cx, pts.cy, p.provider, count(*)::int AS n FROM pts
            JOIN publication_records p ON p.station_id = pts.id AND p.state = 'online' GROUP BY 1, 2, 3) o
          GROUP BY cx, cy
        )
        SELECT ST_AsMVT(t, '{Layer}', 4096, 'geom') FROM (
          SELECT cells.count, coalesce(online.props, jsonb_build_object()) AS props,
                 ST_AsMVTGeom(cells.c, ST_TileEnvelope(@z, @x, @y), 4096, 0, true) AS geom
          FROM cells LEFT JOIN online USING (cx, cy)
        ) t WHERE geom IS NOT NULL
        """;

    /// <summary>Web Mercator width of one tile at zoom z, in metres.</summary>
    public static double TileMetres(int z) => 40075016.685578488 / (1L << z);
}
