using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using StationMap.Geo;

namespace StationMap.Stations;

/// <summary>A validated station on its way into the database, with its managing organisation when the writer knows it.</summary>
public readonly record struct StationRow(StationFields Fields, long? OrgId);

/// <summary>
/// One stored column of a station that staff write. <paramref name="Value"/> is what a binary import writes for it
/// (typed as <paramref name="Type"/>), <paramref name="Read"/> sets it on a <see cref="Station"/> from a data reader
/// that selected it. The history snapshot key defaults to the column name in camelCase.
/// </summary>
public sealed record StationColumn(string Db, string SqlType, NpgsqlDbType Type, Func<StationRow, object?> Value,
    Action<Station, NpgsqlDataReader, int> Read)
{
    /// <summary>The snapshot key; null: the column is part of another key's value.</summary>
    public string? Json { get; init; } = Camel(Db);

    /// <summary>The snapshot value for the row aliased <c>t</c>.</summary>
    public Func<string, string> JsonSql { get; init; } = t => $"{t}.{Db}";

    /// <summary>What <see cref="Read"/> reads for the row aliased <c>t</c>, and how many fields that is.</summary>
    public Func<string, string> Select { get; init; } = t => $"{t}.{Db}";
    public int Fields { get; init; } = 1;

    /// <summary>What a merge compares for the row aliased <c>t</c>.</summary>
    public Func<string, string> Compared { get; init; } = t => $"{t}.{Db}";

    /// <summary>The value an import merge writes from the staged row <c>st</c> over the stored row <c>s</c>.</summary>
    public string Merged { get; init; } = $"st.{Db}";

    private static string Camel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}

/// <summary>
/// The one description of a station's written columns. The import's staging table, its binary COPY and merge
/// statements, the bulk loader, the history snapshot and the feed stream are all derived from this list: a new
/// field is one line here (plus the model, the validator and the migration).
/// </summary>
public static class StationColumns
{
    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static IReadOnlyList<StationColumn> All { get; } =
    [
        new("name", "varchar(100)", NpgsqlDbType.Varchar, r => r.Fields.Name, (s, r, i) => s.Name = r.GetString(i)),
        new("address", "varchar(200)", NpgsqlDbType.Varchar, r => r.Fields.Address, (s, r, i) => s.Address = r.GetString(i)),
        new("adcode", "char(6)", NpgsqlDbType.Char, r => r.Fields.Adcode, (s, r, i) => s.Adcode = r.GetString(i)),
        new("location", "geography(Point,4326)", NpgsqlDbType.Geography,
            r => new Point(r.Fields.Wgs84.Lng, r.Fields.Wgs84.Lat) { SRID = 4326 },
            (s, r, i) => s.Location = new Point(r.GetDouble(i), r.GetDouble(i + 1)) { SRID = 4326 })
        {
            // Read as two numbers: a plain data source without the NetTopologySuite plugin reads it too.
            Select = t => $"ST_X({t}.location::geometry), ST_Y({t}.location::geometry)",
            Fields = 2,
            // Compared as geometry: exact coordinate equality.
            Compared = t => $"{t}.location::geometry",
            JsonSql = t => $"jsonb_build_object('lng', ST_X({t}.location::geometry), 'lat', ST_Y({t}.location::geometry), 'coordsys', 'wgs84')",
        },
        new("submitted_lng", "double precision", NpgsqlDbType.Double, r => r.Fields.Submitted.Lng, (s, r, i) => s.SubmittedLng = r.GetDouble(i))
        {
            Json = "submitted",
            JsonSql = t => $"jsonb_build_object('lng', {t}.submitted_lng, 'lat', {t}.submitted_lat, 'coordsys', {t}.submitted_coord_sys)",
        },
        new("submitted_lat", "double precision", NpgsqlDbType.Double, r => r.Fields.Submitted.Lat, (s, r, i) => s.SubmittedLat = r.GetDouble(i)) { Json = null },
        new("submitted_coord_sys", "varchar(16)", NpgsqlDbType.Varchar, r => r.Fields.Submitted.Sys.ToWire(),
            (s, r, i) => s.SubmittedCoordSys = CoordSysNames.TryParse(r.GetString(i), out var sys) ? sys : CoordSys.Wgs84) { Json = null },
        new("type", "varchar(16)", NpgsqlDbType.Varchar, r => EnumNames.Wire(r.Fields.Type), (s, r, i) => s.Type = StoredEnum<StationType>.Parse(r.GetString(i))),
        new("area_m2", "numeric(8,1)", NpgsqlDbType.Numeric, r => r.Fields.AreaM2, (s, r, i) => s.AreaM2 = r.IsDBNull(i) ? null : r.GetDecimal(i)),
        new("services", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, r => r.Fields.Services.ToArray(),
            (s, r, i) => s.Services = r.GetFieldValue<List<string>>(i)),
        new("other_services", "varchar(200)", NpgsqlDbType.Varchar, r => r.Fields.OtherServices, (s, r, i) => s.OtherServices = Text(r, i)),
        new("opening_hours", "varchar(200)", NpgsqlDbType.Varchar, r => r.Fields.OpeningHours, (s, r, i) => s.OpeningHours = Text(r, i)),
        new("phone", "varchar(60)", NpgsqlDbType.Varchar, r => r.Fields.Phone, (s, r, i) => s.Phone = Text(r, i)),
        new("host_organization", "varchar(100)", NpgsqlDbType.Varchar, r => r.Fields.HostOrganization, (s, r, i) => s.HostOrganization = Text(r, i)),
        new("host_kind", "varchar(20)", NpgsqlDbType.Varchar, r => EnumNames.Wire(r.Fields.HostKind),
            (s, r, i) => s.HostKind = StoredEnum<HostKind>.Parse(r.GetString(i))),
        new("managing_org_id", "bigint", NpgsqlDbType.Bigint, r => r.OrgId, (s, r, i) => s.ManagingOrgId = r.IsDBNull(i) ? null : r.GetInt64(i))
        {
            // A file that names no known organisation keeps the stored one.
            Merged = "COALESCE(st.managing_org_id, s.managing_org_id)",
        },
        new("is_public", "boolean", NpgsqlDbType.Boolean, r => r.Fields.IsPublic, (s, r, i) => s.IsPublic = r.GetBoolean(i)),
        new("accessible", "boolean", NpgsqlDbType.Boolean, r => r.Fields.Accessible, (s, r, i) => s.Accessible = r.IsDBNull(i) ? null : r.GetBoolean(i)),
        new("status", "varchar(10)", NpgsqlDbType.Varchar, r => EnumNames.Wire(r.Fields.Status),
            (s, r, i) => s.Status = StoredEnum<StationStatus>.Parse(r.GetString(i))),
        new("photos", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, r => r.Fields.Photos.ToArray(), (s, r, i) => s.Photos = r.GetFieldValue<List<string>>(i)),
        new("notes", "varchar(2000)", NpgsqlDbType.Varchar, r => r.Fields.Notes, (s, r, i) => s.Notes = Text(r, i)),
    ];

    /// <summary>The column stored as <paramref name="db"/>.</summary>
    public static StationColumn Named(string db) =>
        All.FirstOrDefault(c => c.Db == db) ?? throw new ArgumentException($"no station column '{db}'", nameof(db));

    /// <summary>"name, address, …" (optionally prefixed with a table alias).</summary>
    public static string Names(string? alias = null) => string.Join(", ", All.Select(c => alias is null ? c.Db : $"{alias}.{c.Db}"));

    /// <summary>The columns as <see cref="ReadInto"/> reads them, for the row aliased <paramref name="t"/>.</summary>
    public static string Selected(string t) => string.Join(", ", All.Select(c => c.Select(t)));

    /// <summary>Writes one row's columns, in <see cref="All"/> order, into a binary import.</summary>
    public static void Write(NpgsqlBinaryImporter copy, StationRow row)
    {
        foreach (var c in All)
        {
            if (c.Value(row) is { } value) copy.Write(value, c.Type);
            else copy.WriteNull();
        }
    }

    /// <summary>Sets every column on <paramref name="s"/> from a reader that selected <see cref="Selected"/> from <paramref name="first"/> on.</summary>
    public static void ReadInto(Station s, NpgsqlDataReader r, int first)
    {
        foreach (var c in All)
        {
            c.Read(s, r, first);
            first += c.Fields;
        }
    }
}

/// <summary>Stored enum text (lower-case names, as the EF converter writes them) → value, by dictionary instead of Enum.Parse per row.</summary>
public static class StoredEnum<T> where T : struct, Enum
{
    private static readonly Dictionary<string, T> Values = Enum.GetValues<T>().Distinct().ToDictionary(v => v.ToString().ToLowerInvariant());

    public static T Parse(string text) => Values.TryGetValue(text, out var value) ? value : Enum.Parse<T>(text, ignoreCase: true);
}
