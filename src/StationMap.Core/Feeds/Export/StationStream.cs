using System.Data;
using NetTopologySuite.Geometries;
using Npgsql;
using StationMap.Stations;

namespace StationMap.Feeds.Export;

/// <summary>
/// Streams the stations of an area in (adcode, code) order straight from a data reader: at 150k stations EF's
/// materialiser (geography parsing, change-tracking shapes) cost several times the whole CSV write.
/// The columns come from <see cref="StationColumns"/>.
/// </summary>
internal static class StationStream
{
    public static IEnumerable<Station> Read(NpgsqlConnection conn, string prefix, bool includeDeleted)
    {
        // The (adcode, code) index delivers the rows in order, so they stream from the first one instead of after a
        // sort of the whole area. The stations are in memory: with the default random_page_cost
        // (4, spinning disks) the planner would still pick seq scan + sort. work_mem: a sort, if any, stays in memory.
        using (var setup = new NpgsqlCommand("SET random_page_cost = 1.1; SET work_mem = '64MB'", conn)) setup.ExecuteNonQuery();
        using var cmd = new NpgsqlCommand($"""
            SELECT s.id, s.code, s.deleted_at, s.version, {StationColumns.Selected("s")}
            FROM stations s WHERE adcode BETWEEN @first AND @last AND adcode LIKE @prefix {(includeDeleted ? "" : "AND deleted_at IS NULL")}
            ORDER BY adcode, code
            """, conn);
        // The range lets the index find an area (LIKE cannot use it under a non-C collation); adcodes are 6 digits.
        cmd.Parameters.AddWithValue("first", NpgsqlTypes.NpgsqlDbType.Char, prefix.PadRight(6, '0'));
        cmd.Parameters.AddWithValue("last", NpgsqlTypes.NpgsqlDbType.Char, prefix.PadRight(6, '9'));
        cmd.Parameters.AddWithValue("prefix", prefix + "%");
        using var r = cmd.ExecuteReader(CommandBehavior.SequentialAccess);
        while (r.Read())
        {
            var station = new Station
            {
                Id = r.GetInt64(0), Code = r.GetString(1), DeletedAt = r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2), Version = r.GetInt32(3),
                Name = "", Address = "", Adcode = "", Location = Point.Empty, CreatedBy = "", UpdatedBy = "",
            };
            StationColumns.ReadInto(station, r, 4);
            yield return station;
        }
    }

    /// <summary>Station id → what was last submitted to the provider and the POI id it gave, for the stations of the area
    /// (one query for the area: the rows then read their POI id from this map).</summary>
    public static async Task<Dictionary<long, SubmittedState>> SubmittedAsync(NpgsqlConnection conn, string prefix, string provider, CancellationToken ct)
    {
        // The whole country needs no join: every record has its station.
        await using var cmd = new NpgsqlCommand(prefix.Length == 0
            ? "SELECT station_id, state, content_hash, provider_poi_id FROM publication_records WHERE provider = @provider"
            : """
              SELECT r.station_id, r.state, r.content_hash, r.provider_poi_id FROM publication_records r JOIN stations s ON s.id = r.station_id
              WHERE r.provider = @provider AND s.adcode LIKE @prefix
              """, conn);
        cmd.Parameters.AddWithValue("provider", provider);
        cmd.Parameters.AddWithValue("prefix", prefix + "%");
        var map = new Dictionary<long, SubmittedState>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        // Synchronous reads: Read blocks only when Npgsql's buffer runs dry; 140k awaited ReadAsync calls cost more.
        while (r.Read())
            map[r.GetInt64(0)] = new SubmittedState(StateOf(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
        return map;
    }

    private static Publication.PublicationState StateOf(string text) => StoredEnum<Publication.PublicationState>.Parse(text.Replace("_", ""));

    /// <summary>Organisation id → name (for "manager"), read directly: EF's first query would build its model here.</summary>
    public static async Task<Dictionary<long, string>> OrganizationNamesAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT id, name FROM organizations", conn);
        var map = new Dictionary<long, string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) map[r.GetInt64(0)] = r.GetString(1);
        return map;
    }

    public static async Task<List<string>> AdcodesAsync(NpgsqlConnection conn, string prefix, bool includeDeleted, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT DISTINCT adcode FROM stations WHERE adcode LIKE @prefix {(includeDeleted ? "" : "AND deleted_at IS NULL")} ORDER BY adcode", conn);
        cmd.Parameters.AddWithValue("prefix", prefix + "%");
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }
}
