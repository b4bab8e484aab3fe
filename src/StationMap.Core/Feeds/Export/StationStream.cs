using System.Data;
using NetTopologySuite.Geometries;
using Npgsql;
using StationMap.Stations;

namespace StationMap.Feeds.Export;

/// <summary>
/// Streams the stations of an area in (adcode, code) order straight from a data reader: at 150k stations EF's
/// materialiser (geography parsing, change-tracking shapes) cost several times the whole CSV write.
/// Reads only the fields a feed can emit; the column names follow the snake_case EF mapping.
/// </summary>
internal static class StationStream
{
    public static IEnumerable<Station> Read(NpgsqlConnection conn, string prefix, bool includeDeleted)
    {
        // The (adcode, code) index delivers the rows in order, so they stream from the first one instead of after a
        // sort of the whole area (≈ 0.4 s national). The stations are in memory: with the default random_page_cost
        // (4, spinning disks) the planner would still pick seq scan + sort. work_mem: a sort, if any, stays in memory.
        using (var setup = new NpgsqlCommand("SET random_page_cost = 1.1; SET work_mem = '64MB'", conn)) setup.ExecuteNonQuery();
        using var cmd = new NpgsqlCommand($"""
            SELECT id, code, name, address, adcode, ST_X(location::geometry), ST_Y(location::geometry), type, area_m2, services,
                   opening_hours, phone, host_organization, host_kind, managing_org_id, is_public, status, photos, deleted_at
            FROM stations WHERE adcode BETWEEN @first AND @last AND adcode LIKE @prefix {(includeDeleted ? "" : "AND deleted_at IS NULL")}
            ORDER BY adcode, code
            """, conn);
        // The range lets the index find an area (LIKE cannot use it under a non-C collation); adcodes are 6 digits.
        cmd.Parameters.AddWithValue("first", NpgsqlTypes.NpgsqlDbType.Char, prefix.PadRight(6, '0'));
        cmd.Parameters.AddWithValue("last", NpgsqlTypes.NpgsqlDbType.Char, prefix.PadRight(6, '9'));
        cmd.Parameters.AddWithValue("prefix", prefix + "%");
        using var r = cmd.ExecuteReader(CommandBehavior.SequentialAccess);
        while (r.Read())
        {
            yield return new Station
            {
                Id = r.GetInt64(0), Code = r.GetString(1), Name = r.GetString(2), Address = r.GetString(3), Adcode = r.GetString(4),
                Location = new Point(r.GetDouble(5), r.GetDouble(6)) { SRID = 4326 },
                Type = StoredEnum<StationType>.Parse(r.GetString(7)),
                AreaM2 = r.IsDBNull(8) ? null : r.GetDecimal(8),
                Services = r.GetFieldValue<List<string>>(9),
                OpeningHours = r.IsDBNull(10) ? null : r.GetString(10),
                Phone = r.IsDBNull(11) ? null : r.GetString(11),
                HostOrganization = r.IsDBNull(12) ? null : r.GetString(12),
                HostKind = StoredEnum<HostKind>.Parse(r.GetString(13)),
                ManagingOrgId = r.IsDBNull(14) ? null : r.GetInt64(14),
                IsPublic = r.GetBoolean(15),
                Status = StoredEnum<StationStatus>.Parse(r.GetString(16)),
                Photos = r.GetFieldValue<List<string>>(17),
                DeletedAt = r.IsDBNull(18) ? null : r.GetFieldValue<DateTimeOffset>(18),
                CreatedBy = "", UpdatedBy = "",
            };
        }
    }

    /// <summary>Station id → what was last submitted to the provider, for the stations of the area.</summary>
    public static async Task<Dictionary<long, SubmittedState>> SubmittedAsync(NpgsqlConnection conn, string prefix, string provider, CancellationToken ct)
    {
        // The whole country needs no join: every record has its station.
        await using var cmd = new NpgsqlCommand(prefix.Length == 0
            ? "SELECT station_id, state, content_hash FROM publication_records WHERE provider = @provider"
            : """
              SELECT r.station_id, r.state, r.content_hash FROM publication_records r JOIN stations s ON s.id = r.station_id
              WHERE r.provider = @provider AND s.adcode LIKE @prefix
              """, conn);
        cmd.Parameters.AddWithValue("provider", provider);
        cmd.Parameters.AddWithValue("prefix", prefix + "%");
        var map = new Dictionary<long, SubmittedState>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        // Synchronous reads: Read blocks only when Npgsql's buffer runs dry; 140k awaited ReadAsync calls cost more.
        while (r.Read())
            map[r.GetInt64(0)] = new SubmittedState(StateOf(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2));
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

/// <summary>Stored enum text (lower-case names, as the EF converter writes them) → value, by dictionary instead of Enum.Parse per row.</summary>
internal static class StoredEnum<T> where T : struct, Enum
{
    private static readonly Dictionary<string, T> Values = Enum.GetValues<T>().ToDictionary(v => v.ToString().ToLowerInvariant());

    public static T Parse(string text) => Values.TryGetValue(text, out var value) ? value : Enum.Parse<T>(text, ignoreCase: true);
}
