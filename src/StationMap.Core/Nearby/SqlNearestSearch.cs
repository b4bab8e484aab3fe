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
    private static readonly string[] Shapes = [.. Enumerable.Range(0, 8).Select(i => Sql((i & 1) != 0, (i & 2) != 0, (i & 4) != 0))];

    public static string Sql(bool services, bool type, bool radius) =>
        $"SELECT {NearbyStationReader.Columns} FROM stations WHERE {NearbyStationReader.ServedCondition}"
        + (services ? " AND services @> @services" : "")
        + (type ? " AND type = @type" : "")
        + (radius ? " AND ST_DWithin(location, @p, @radius)" : "")
        + " ORDER BY location <-> @p LIMIT @n";

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
        var shape = (r.Services.Count > 0 ? 1 : 0) | (r.Type is not null ? 2 : 0) | (r.RadiusM is not null ? 4 : 0);
        await using var cmd = new NpgsqlCommand(Shapes[shape], conn);
        cmd.Parameters.Add(new NpgsqlParameter<Point>("p", new Point(r.Lng, r.Lat) { SRID = 4326 }));
        cmd.Parameters.Add(new NpgsqlParameter<int>("n", n));
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
