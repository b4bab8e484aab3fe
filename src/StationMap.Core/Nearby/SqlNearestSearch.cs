using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Nearby;

/// <summary>
/// The database path: geography KNN (&lt;-&gt;, GiST, sphere order), over-fetched and re-ranked on the
/// spheroid. It keeps fetching more until no unseen station could be closer than the k-th answer.
/// </summary>
public sealed class SqlNearestSearch(NpgsqlDataSource db)
{
    public static string Sql(bool services, bool type, bool radius) =>
        $"SELECT {NearbyStationReader.Columns} FROM stations WHERE {NearbyStationReader.ServedCondition}"
        + (services ? " AND services @> @services" : "")
        + (type ? " AND type = @type" : "")
        + (radius ? " AND ST_DWithin(location, @p, @radius)" : "")
        + " ORDER BY location <-> @p LIMIT @n";

    public async Task<IReadOnlyList<NearestHit>> SearchAsync(NearestRequest request, CancellationToken ct = default)
    {
        var fetch = Math.Max(request.Limit * 4, 20);
        var hours = HoursCache.Shared;
        while (true)
        {
            var rows = await FetchAsync(request, fetch, hours, ct);
            var accepted = rows.Where(request.Accepts).ToList();
            var ranked = NearestRanking.Rank(accepted, request);
            if (rows.Count < fetch) return ranked; // every matching station was seen
            var last = rows[^1];
            var unseenAtLeast = SpheroidDistance.Sphere(request.Lng, request.Lat, last.Lng, last.Lat) * SpheroidDistance.MinSpheroidToSphereRatio;
            if (ranked.Count == request.Limit && ranked[^1].DistanceM <= unseenAtLeast) return ranked;
            fetch *= 4;
        }
    }

    private async Task<List<NearbyStation>> FetchAsync(NearestRequest r, int n, HoursCache hours, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql(r.Services.Count > 0, r.Type is not null, r.RadiusM is not null), conn);
        cmd.Parameters.AddWithValue("p", new Point(r.Lng, r.Lat) { SRID = 4326 });
        cmd.Parameters.AddWithValue("n", n);
        if (r.Services.Count > 0) cmd.Parameters.Add(new NpgsqlParameter("services", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = r.Services.ToArray() });
        if (r.Type is { } type) cmd.Parameters.AddWithValue("type", EnumNames.Wire(type));
        if (r.RadiusM is { } radius) cmd.Parameters.AddWithValue("radius", radius);
        // Planning a PostGIS KNN query costs about as much as running it; pooled connections keep the
        // prepared statement, so each of the few query shapes is planned once per connection.
        await cmd.PrepareAsync(ct);
        return await NearbyStationReader.ReadAsync(cmd, hours, ct);
    }
}
