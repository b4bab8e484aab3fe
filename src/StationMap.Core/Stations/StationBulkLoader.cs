using Npgsql;
using NpgsqlTypes;
using NetTopologySuite.Geometries;
using StationMap.Geo;

namespace StationMap.Stations;

/// <summary>
/// Loads many validated stations with binary COPY (≈100k rows/s, where EF manages ≈12k), each with its
/// "created" history row, in one transaction. For seeding and benchmarks; new stations only.
/// </summary>
public static class StationBulkLoader
{
    private const string Columns = "code, name, address, adcode, location, submitted_lng, submitted_lat, submitted_coord_sys, type, " +
        "area_m2, services, opening_hours, phone, host_organization, host_kind, is_public, status, photos, notes, " +
        "created_at, created_by, updated_at, updated_by, version";

    public static async Task<long> LoadAsync(NpgsqlDataSource db, IEnumerable<StationFields> stations, string actor, string reason, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        // Block other writers so the new rows are exactly those with ids above today's highest.
        await using (var guard = new NpgsqlCommand("LOCK TABLE stations IN SHARE ROW EXCLUSIVE MODE", conn, tx))
            await guard.ExecuteNonQueryAsync(ct);
        long before;
        await using (var max = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM stations", conn, tx))
            before = (long)(await max.ExecuteScalarAsync(ct))!;
        long count;
        await using (var writer = await conn.BeginBinaryImportAsync($"COPY stations ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            count = 0;
            foreach (var s in stations)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(s.Code!, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(s.Name, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(s.Address, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(s.Adcode, NpgsqlDbType.Char, ct);
                await writer.WriteAsync(new Point(s.Wgs84.Lng, s.Wgs84.Lat) { SRID = 4326 }, "geography", ct);
                await writer.WriteAsync(s.Submitted.Lng, NpgsqlDbType.Double, ct);
                await writer.WriteAsync(s.Submitted.Lat, NpgsqlDbType.Double, ct);
                await writer.WriteAsync(s.Submitted.Sys.ToWire(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(EnumNames.Wire(s.Type), NpgsqlDbType.Varchar, ct);
                await WriteNullable(writer, s.AreaM2, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(s.Services.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await WriteNullable(writer, s.OpeningHours, NpgsqlDbType.Varchar, ct);
                await WriteNullable(writer, s.Phone, NpgsqlDbType.Varchar, ct);
                await WriteNullable(writer, s.HostOrganization, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(EnumNames.Wire(s.HostKind), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(s.IsPublic, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(EnumNames.Wire(s.Status), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(s.Photos.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await WriteNullable(writer, s.Notes, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(actor, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(actor, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(1, NpgsqlDbType.Integer, ct);
                count++;
            }
            await writer.CompleteAsync(ct);
        }
        await using (var history = new NpgsqlCommand(HistorySql, conn, tx))
        {
            history.CommandTimeout = 0; // a national load writes 150k+ snapshots in one statement
            history.Parameters.AddWithValue("at", now);
            history.Parameters.AddWithValue("before", before);
            history.Parameters.AddWithValue("actor", actor);
            history.Parameters.AddWithValue("reason", reason);
            await history.ExecuteNonQueryAsync(ct);
        }
        await using (var audit = new NpgsqlCommand(
            "INSERT INTO audit_log (at, actor, action, subject, details) VALUES (@at, @actor, 'stations.bulk_load', @reason, jsonb_build_object('count', @count))", conn, tx))
        {
            audit.Parameters.AddWithValue("at", now);
            audit.Parameters.AddWithValue("actor", actor);
            audit.Parameters.AddWithValue("reason", reason);
            audit.Parameters.AddWithValue("count", count);
            await audit.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return count;
    }

    // The snapshot mirrors StationSnapshot's field names so every history row reads the same way.
    private const string HistorySql = """
        INSERT INTO station_history (station_id, code, version, kind, changed_at, changed_by, reason, snapshot)
        SELECT s.id, s.code, 1, 'created', @at, @actor, @reason, jsonb_build_object(
            'code', s.code, 'name', s.name, 'address', s.address, 'adcode', s.adcode,
            'location', jsonb_build_object('lng', ST_X(s.location::geometry), 'lat', ST_Y(s.location::geometry), 'coordsys', 'wgs84'),
            'submitted', jsonb_build_object('lng', s.submitted_lng, 'lat', s.submitted_lat, 'coordsys', s.submitted_coord_sys),
            'type', s.type, 'areaM2', s.area_m2, 'services', s.services, 'openingHours', s.opening_hours, 'phone', s.phone,
            'hostOrganization', s.host_organization, 'hostKind', s.host_kind, 'managingOrgId', s.managing_org_id,
            'isPublic', s.is_public, 'status', s.status, 'photos', s.photos, 'notes', s.notes, 'version', s.version,
            'createdAt', s.created_at, 'createdBy', s.created_by, 'updatedAt', s.updated_at, 'updatedBy', s.updated_by)
        FROM stations s
        WHERE s.id > @before
        """;

    private static Task WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? w.WriteNullAsync(ct) : w.WriteAsync(value, type, ct);
}
