using StationMap.Nearby;

namespace StationMap.Benchmarks.Nearby;

/// <summary>
/// The pgbench script for reference (a): exactly the SQL the SQL path sends for a default query
/// (k = 5 over-fetched to 20), with the same random points as the HTTP load (<see cref="NearestQueryPoints"/>).
/// </summary>
internal static class NearestPgbenchScript
{
    public static string Text()
    {
        var sql = SqlNearestSearch.Sql(services: false, type: false, accessible: false, radius: false, limit: 20)
            .Replace("$1", "ST_SetSRID(ST_MakePoint(:lng, :lat), 4326)::geography");
        return NearestQueryPoints.PgbenchSets() + sql + ";\n";
    }
}
