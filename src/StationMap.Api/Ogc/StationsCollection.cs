using Npgsql;
using StationMap.Api.Stations;
using StationMap.Common;

namespace StationMap.Api.Ogc;

/// <summary>Every station a viewer may see, as CRS84 points.</summary>
internal sealed class StationsCollection(
    [FromKeyedServices(Data.StationMapDataSource.ServingReads)] NpgsqlDataSource db, Tiles.StationDataVersion version) : OgcCollection
{
    // numberMatched per query, kept while the stations do not change: a client paging through 140 pages
    // (GDAL does) would otherwise count all stations 140 times.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Version, long Count)> _counts = new();

    public override string Id => "stations";
    public override string Title => "户外劳动者服务站点 / Outdoor-worker service stations";
    public override string Description => "工会驿站：公开且运行中的站点；员工密钥可见其辖区内全部站点 / Public active stations; a staff key adds every station in its area.";
    public override IReadOnlyList<string> FilterParameters => StationFilters.Names;

    public override object? ParseFilters(IQueryCollection query, List<FieldError> errors) => StationFilters.Parse(query, errors);

    public override async Task<double[]?> ExtentAsync(StationReader viewer, CancellationToken ct)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = StationFeatureSql.Where(new ItemsRequest(1, 0, null, null, null, null), new StationFilters(null, null, null, null), viewer, parameters);
        await using var cmd = db.CreateCommand(
            $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(location::geometry) e FROM stations WHERE {where}) x");
        cmd.Parameters.AddRange(parameters.ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.IsDBNull(0) ? null : [reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3)];
    }

    public override async Task<FeaturePage> ItemsAsync(ItemsRequest request, StationReader viewer, CancellationToken ct)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = StationFeatureSql.Where(request, (StationFilters)request.Filters!, viewer, parameters);
        var countKey = where + "|" + string.Join("|", parameters.Select(p => p.Value is Array a ? string.Join(",", a.Cast<object>()) : p.Value?.ToString()));
        var trusted = version.Trusted;
        var v = version.Current;
        long? matched = trusted && _counts.TryGetValue(countKey, out var c) && c.Version == v ? c.Count : null;

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        if (matched is null)
        {
            var count = new NpgsqlBatchCommand(StationFeatureSql.Count(where));
            count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            batch.BatchCommands.Add(count);
        }
        var page = new NpgsqlBatchCommand(StationFeatureSql.Page(where, viewer));
        page.Parameters.AddRange(parameters.ToArray());
        page.Parameters.Add(new("limit", request.Limit));
        page.Parameters.Add(new("offset", request.Offset));
        batch.BatchCommands.Add(page);
        // Sequential access + async reads: a page is far bigger than Npgsql's buffer (see StationTiles).
        await batch.PrepareAsync(ct); // a few shapes of query (by which filters are set); the pool keeps them prepared
        await using var reader = await batch.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        if (matched is null)
        {
            await reader.ReadAsync(ct);
            matched = await reader.GetFieldValueAsync<long>(0, ct);
            if (trusted)
            {
                if (_counts.Count > 10_000) _counts.Clear();
                _counts[countKey] = (v, matched.Value);
            }
            await reader.NextResultAsync(ct);
        }
        await reader.ReadAsync(ct);
        var returned = await reader.GetFieldValueAsync<int>(0, ct);
        return new FeaturePage(matched.Value, returned, await reader.GetFieldValueAsync<byte[]>(1, ct)); // UTF-8 as sent
    }

    public override async Task<string?> ItemAsync(string id, StationReader viewer, CancellationToken ct)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = StationFeatureSql.Where(new ItemsRequest(1, 0, null, null, null, null), new StationFilters(null, null, null, null), viewer, parameters);
        await using var cmd = db.CreateCommand($"SELECT {StationFeatureSql.Feature(viewer)}::text FROM stations WHERE code = @code AND {where}");
        cmd.Parameters.AddRange(parameters.ToArray());
        cmd.Parameters.Add(new("code", id));
        return await cmd.ExecuteScalarAsync(ct) as string;
    }
}
