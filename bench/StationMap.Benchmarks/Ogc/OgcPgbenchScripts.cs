using StationMap.Api.Ogc;
using StationMap.Api.Tiles;

namespace StationMap.Benchmarks.Ogc;

/// <summary>pgbench scripts with the SQL the OGC items and tile endpoints run (Npgsql's @name becomes pgbench's :name).</summary>
internal static class OgcPgbenchScripts
{
    /// <summary>
    /// An anonymous 1,000-feature page at a random one of the first <paramref name="pages"/> offsets. The endpoint
    /// keeps numberMatched per data version, so in steady state it runs this page query alone.
    /// </summary>
    public static string Items(int pages)
    {
        var parameters = new List<Npgsql.NpgsqlParameter>();
        var where = StationFeatureSql.Where(new ItemsRequest(1000, 0, null, null, null, null), new StationFilters(null, null, null, null), StationMap.Api.Stations.StationReader.Anonymous, parameters);
        return $"""
            \set page random(0, {pages - 1})
            \set offset :page * 1000
            \set limit 1000
            {Pg(StationFeatureSql.Page(where, StationMap.Api.Stations.StationReader.Anonymous))};

            """;
    }

    /// <summary>One tile z/x/y, made as the endpoint makes it when not cached.</summary>
    public static string Tile(int z, int x, int y) => $"""
        \set z {z}
        \set x {x}
        \set y {y}
        \set margin {64 / 4096.0}
        \set seg {360.0 / (1L << z) / 32}
        \set cell {StationTileSql.TileMetres(z) / StationTileSql.CellsPerTile}
        {Pg(z >= StationTileSql.PointZoom ? StationTileSql.Points : StationTileSql.Clusters)};

        """;

    private static string Pg(string sql) =>
        System.Text.RegularExpressions.Regex.Replace(sql, @"@(\w+)", ":$1").ReplaceLineEndings(" ");
}
