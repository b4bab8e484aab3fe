using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using StationMap.Geo;
using StationMap.Nearby.Packed;
using StationMap.Stations;

namespace StationMap.Nearby;

/// <summary>
/// The database path: geography KNN (&lt;-&gt;, GiST, sphere order), over-fetched and re-ranked on the
/// spheroid. It keeps fetching more until no unseen station could be closer than the k-th answer.
/// </summary>
public sealed class SqlNearestSearch(NpgsqlDataSource db)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(bool, bool, bool, int), string> Statements = new();

    /// <summary>
    /// The KNN statement. The row count is a literal, not a parameter: with LIMIT $n PostgreSQL's generic
    /// plan is costed for an unknown (10 %) row count, so it re-plans every execution (planning ≈ 40 % of
    /// the query); with a literal the cached generic plan is chosen after five runs, as pgbench does.
    /// </summary>
    public static string Sql(bool services, bool type, bool radius, int limit) =>
        $"SELECT {NearbyStationReader.Columns} FROM stations WHERE {NearbyStationReader.ServedCondition}"
        + (services ? " AND services @> @services" : "")
        + (type ? " AND type = @type" : "")
        + (radius ? " AND ST_DWithin(location, @p, @radius)" : "")
        + $" ORDER BY location <-> @p LIMIT {limit}";

    public async Task<IReadOnlyList<NearestHit>> SearchAsync(NearestRequest request, CancellationToken ct = default)
    {
        var fetch = Math.Max(request.Limit * 4, 20);
        var filter = request.Filter;
        while (true)
        {
            var rows = await FetchAsync(request, fetch, ct);
            var accepted = new List<int>(rows.Count);
            for (var row = 0; row < rows.Count; row++)
                if (filter.Accepts(rows, row)) accepted.Add(row);
            var ranked = NearestRanking.Rank(rows, accepted, request);
            if (rows.Count < fetch) return ranked; // every matching station was seen
            var last = rows.Count - 1;
            var unseenAtLeast = SpheroidDistance.Sphere(request.Lng, request.Lat, rows.Lngs[last], rows.Lats[last]) * SpheroidDistance.MinSpheroidToSphereRatio;
            if (ranked.Count == request.Limit && ranked[^1].DistanceM <= unseenAtLeast) return ranked;
            fetch *= 4;
        }
    }

    private async Task<StationTable> FetchAsync(NearestRequest r, int n, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var sql = Statements.GetOrAdd((r.Services.Count > 0, r.Type is not null, r.RadiusM is not null, n), k => Sql(k.Item1, k.Item2, k.Item3, k.Item4));
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter<Point>("p", new Point(r.Lng, r.Lat) { SRID = 4326 }));
        if (r.Services.Count > 0) cmd.Parameters.Add(new NpgsqlParameter("services", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = r.Services.ToArray() });
        if (r.Type is { } type) cmd.Parameters.Add(new NpgsqlParameter<string>("type", EnumNames.Wire(type)));
        if (r.RadiusM is { } radius) cmd.Parameters.Add(new NpgsqlParameter<double>("radius", radius));
        // Planning a PostGIS KNN query costs about as much as running it; pooled connections keep the
        // prepared statement, so each of the few query shapes is planned once per connection.
        await cmd.PrepareAsync(ct);
        var rows = new StationTableBuilder(n, HoursCache.Shared, intern: false);
        await NearbyStationReader.ReadIntoAsync(cmd, rows, ct);
        return rows.Build();
    }
}
