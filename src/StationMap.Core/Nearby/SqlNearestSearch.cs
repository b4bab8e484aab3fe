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
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(bool, bool, bool, bool, int), string> Statements = new();

    /// <summary>
    /// The KNN statement. The row count is a literal, not a parameter: with LIMIT $n PostgreSQL's generic
    /// plan is costed for an unknown row count, so it re-plans every execution (and planning a KNN query costs
    /// about as much as running it); with a literal the cached generic plan is chosen after five runs, as pgbench does.
    /// Placeholders are positional ($1 is the point, then the filters in this order), so Npgsql sends the
    /// text as it is instead of rewriting named ones on every execution.
    /// </summary>
    public static string Sql(bool services, bool type, bool accessible, bool radius, int limit)
    {
        var next = 2;
        return $"SELECT {NearbyStationReader.Columns} FROM stations WHERE {NearbyStationReader.ServedCondition}"
            + (services ? $" AND services @> ${next++}" : "")
            + (type ? $" AND type = ${next++}" : "")
            + (accessible ? " AND accessible" : "")
            + (radius ? $" AND ST_DWithin(location, $1, ${next++})" : "")
            + $" ORDER BY location <-> $1 LIMIT {limit}";
    }

    public async Task<IReadOnlyList<NearestHit>> SearchAsync(NearestRequest request, CancellationToken ct = default)
    {
        var fetch = Math.Max(request.Limit * 4, 20);
        while (true)
        {
            var found = await FetchAsync(request, fetch, ct);
            var ranked = NearestRanking.Order(found.Kept, request.Limit);
            if (found.Seen < fetch) return ranked; // every matching station was seen
            var unseenAtLeast = SpheroidDistance.Sphere(request.Lng, request.Lat, found.LastLng, found.LastLat) * SpheroidDistance.MinSpheroidToSphereRatio;
            if (ranked.Count == request.Limit && ranked[^1].DistanceM <= unseenAtLeast) return ranked;
            fetch *= 4;
        }
    }

    /// <summary>
    /// The rows that can still be answers, measured, out of <paramref name="Seen"/> fetched; the last fetched row's
    /// position bounds every station not fetched.
    /// </summary>
    private sealed record Fetched(List<NearestHit> Kept, int Seen, double LastLng, double LastLat);

    private async Task<Fetched> FetchAsync(NearestRequest r, int n, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var sql = Statements.GetOrAdd((r.Services.Count > 0, r.Type is not null, r.AccessibleOnly, r.RadiusM is not null, n),
            k => Sql(k.Item1, k.Item2, k.Item3, k.Item4, k.Item5));
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter<Point> { TypedValue = new Point(r.Lng, r.Lat) { SRID = 4326 } });
        if (r.Services.Count > 0) cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = r.Services.ToArray() });
        if (r.Type is { } type) cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = EnumNames.Wire(type) });
        if (r.RadiusM is { } radius) cmd.Parameters.Add(new NpgsqlParameter<double> { TypedValue = radius });
        // Planning a PostGIS KNN query costs about as much as running it; pooled connections keep the
        // prepared statement, so each of the few query shapes is planned once per connection.
        await cmd.PrepareAsync(ct);
        return await ReadAsync(cmd, r, ct);
    }

    /// <summary>
    /// Filters and the spheroid distance need no text, so a row's columns are decoded only when it is among the k
    /// best seen so far (and, with filters, the few the filters look at): of the 20 rows a default query fetches,
    /// most are only a position.
    /// </summary>
    private static async Task<Fetched> ReadAsync(NpgsqlCommand cmd, NearestRequest request, CancellationToken ct)
    {
        var filter = request.Filter;
        var best = new BestDistances(request.Limit);
        var kept = new StationTableBuilder(request.Limit * 2, HoursCache.Shared, intern: false);
        var distances = new List<double>(request.Limit * 2);
        var (seen, lng, lat) = (0, 0.0, 0.0);
        await using var row = await cmd.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct))
        {
            seen++;
            (lng, lat) = NearbyStationReader.ReadPosition(row);
            RowNumbers? filtered = filter.AcceptsAll ? null : NearbyStationReader.ReadNumbers(row);
            if (filtered is { } numbers && !Accepts(filter, numbers)) continue;
            var d = SpheroidDistance.Metres(request.Lng, request.Lat, lng, lat);
            if (d > (request.RadiusM ?? double.MaxValue) || !best.Offer(d)) continue;
            NearbyStationReader.AddWithText(row, filtered ?? NearbyStationReader.ReadNumbers(row), kept);
            distances.Add(d);
        }
        var table = kept.Build();
        var hits = new List<NearestHit>(table.Count);
        for (var i = 0; i < table.Count; i++) hits.Add(new NearestHit(table[i], distances[i]));
        return new Fetched(hits, seen, lng, lat);
    }

    private static bool Accepts(NearestFilter filter, RowNumbers s) =>
        filter.Accepts(s.ServiceBits, s.Type, HoursCache.Shared.Get(s.HoursText).Hours, s.Accessible);
}
