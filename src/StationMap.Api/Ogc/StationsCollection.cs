using Npgsql;
using StationMap.Common;

namespace StationMap.Api.Ogc;

/// <summary>Every station a viewer may see, as CRS84 points.</summary>
internal sealed class StationsCollection([FromKeyedServices(Data.StationMapDataSource.ServingReads)] NpgsqlDataSource db) : OgcCollection
{
    public override string Id => "stations";
    public override string Title => "户外劳动者服务站点 / Outdoor-worker service stations";
    public override string Description => "工会驿站：公开且运行中的站点；员工密钥可见其辖区内全部站点 / Public active stations; a staff key adds every station in its area.";
    public override IReadOnlyList<string> FilterParameters => StationFilters.Names;

    public override object? ParseFilters(IQueryCollection query, List<FieldError> errors) => StationFilters.Parse(query, errors);

    public override async Task<double[]?> ExtentAsync(OgcViewer viewer, CancellationToken ct)
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

    public override async Task<FeaturePage> ItemsAsync(ItemsRequest request, OgcViewer viewer, CancellationToken ct)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = StationFeatureSql.Where(request, (StationFilters)request.Filters!, viewer, parameters);
        await using var batch = db.CreateBatch();
        var count = new NpgsqlBatchCommand(StationFeatureSql.Count(where));
        count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
        var page = new NpgsqlBatchCommand(StationFeatureSql.Page(where, viewer.IsStaff));
        page.Parameters.AddRange(parameters.ToArray());
        page.Parameters.Add(new("limit", request.Limit));
        page.Parameters.Add(new("offset", request.Offset));
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var matched = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return new FeaturePage(matched, reader.GetInt32(0), reader.GetString(1));
    }

    public override async Task<string?> ItemAsync(string id, OgcViewer viewer, CancellationToken ct)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = StationFeatureSql.Where(new ItemsRequest(1, 0, null, null, null, null), new StationFilters(null, null, null, null), viewer, parameters);
        await using var cmd = db.CreateCommand($"SELECT {StationFeatureSql.Feature(viewer.IsStaff)}::text FROM stations WHERE code = @code AND {where}");
        cmd.Parameters.AddRange(parameters.ToArray());
        cmd.Parameters.Add(new("code", id));
        return await cmd.ExecuteScalarAsync(ct) as string;
    }
}
