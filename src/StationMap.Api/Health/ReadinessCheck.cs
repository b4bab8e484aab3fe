using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using StationMap.Api.Nearby;
using StationMap.Data;
using StationMap.Nearby;

namespace StationMap.Api.Health;

/// <summary>
/// Can this instance serve? Healthy: the database answers. Degraded (still 200, so a balancer keeps sending
/// couriers here): the database is away but the nearest index built before the outage answers /nearest, stale.
/// Unhealthy (503): neither. "The database" is the read side (a standby, else the primary): with the primary
/// stopped or stalled an instance still serves nearest and public reads, so the balancer must keep it.
/// </summary>
internal sealed class ReadinessCheck([FromKeyedServices(StationMapDataSource.PublicReads)] NpgsqlDataSource db, NearbyIndexHolder holder, IOptions<NearbyOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object>();
        var index = options.Value.UseIndex ? holder.Current : null;
        if (index is not null)
        {
            data["indexStations"] = index.Index.Count;
            data["indexBuiltAt"] = index.BuiltAt;
            data["indexAgeSeconds"] = Math.Round((clock.GetUtcNow() - index.BuiltAt).TotalSeconds);
            data["indexStale"] = index.Stale;
        }

        Exception? dbError = null;
        try
        {
            await using var cmd = db.CreateCommand("SELECT 1");
            cmd.CommandTimeout = 3;
            await cmd.ExecuteScalarAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            dbError = e;
        }
        data["database"] = dbError is null ? "up" : "down";

        if (dbError is null)
            return index is { Stale: true }
                ? HealthCheckResult.Degraded("数据库已恢复，索引正在重建 / database back, nearest index rebuilding", data: data)
                : HealthCheckResult.Healthy("ok", data);
        if (index is not null)
            return HealthCheckResult.Degraded(
                "数据库不可用；最近站点按停机前的索引回答（X-Data-Stale: true），其他读写返回 503 / database down; /nearest answers from the last index (X-Data-Stale: true), other reads and writes answer 503",
                dbError, data);
        return HealthCheckResult.Unhealthy("数据库不可用，且没有可用索引 / database down and no nearest index to serve from", dbError, data);
    }
}
