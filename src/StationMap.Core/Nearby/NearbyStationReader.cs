using Npgsql;
using StationMap.Hours;
using StationMap.Nearby.Packed;
using StationMap.Stations;

namespace StationMap.Nearby;

/// <summary>Reads stations with plain Npgsql (no change tracking): as records, or straight into a packed table.</summary>
public static class NearbyStationReader
{
    // The selected columns: the row's id and code, then the station columns a nearest answer needs, each selected
    // as StationColumns describes it. Field initialisers run in textual order, so each ordinal is where its column lands.
    private static readonly List<string> Selects = ["id", "code"];
    private static int _fields = Selects.Count;

    private static readonly int NameAt = Select("name"), AddressAt = Select("address"), LocationAt = Select("location"),
        TypeAt = Select("type"), ServicesAt = Select("services"), HoursAt = Select("opening_hours"), PhoneAt = Select("phone"),
        AccessibleAt = Select("accessible");

    /// <summary>Columns every nearest path selects from <c>stations</c>, in this order.</summary>
    public static readonly string Columns = string.Join(", ", Selects);

    /// <summary>How many fields <see cref="Columns"/> reads (a caller may select more after them).</summary>
    public static readonly int FieldCount = _fields;

    public const string ServedCondition = "deleted_at IS NULL AND status = 'active' AND is_public";

    private static readonly string AllServedSql = $"SELECT {Columns} FROM stations WHERE {ServedCondition}";

    private static int Select(string db)
    {
        var column = StationColumns.Named(db);
        // Services as one comma-joined string: reading it spares the per-row text[] decoding on the SQL path.
        Selects.Add(db == "services" ? "array_to_string(stations.services, ',')" : column.Select("stations"));
        var at = _fields;
        _fields += column.Fields;
        return at;
    }

    public static async Task<List<NearbyStation>> AllServedAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(AllServedSql);
        var hours = new HoursCache();
        var list = new List<NearbyStation>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(Read(reader, hours));
        return list;
    }

    /// <summary>Every served station into a table builder, row by row: no per-station objects survive the read.</summary>
    public static async Task<StationTableBuilder> AllServedIntoAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(AllServedSql);
        var rows = new StationTableBuilder(1024, new HoursCache());
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) AddWithText(r, ReadNumbers(r), rows);
        return rows;
    }

    /// <summary>The given stations as they are now; those no longer served come back in Gone.</summary>
    public static async Task<(List<NearbyStation> Served, List<long> Gone)> ByIdsAsync(NpgsqlDataSource db, long[] ids, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {Columns} FROM stations WHERE id = ANY(@ids) AND {ServedCondition}");
        cmd.Parameters.AddWithValue("ids", ids);
        var hours = new HoursCache();
        var served = new List<NearbyStation>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) served.Add(Read(reader, hours));
        var servedIds = served.Select(s => s.Id).ToHashSet();
        return (served, ids.Where(id => !servedIds.Contains(id)).ToList());
    }

    public static (double Lng, double Lat) ReadPosition(NpgsqlDataReader r) => (r.GetDouble(LocationAt), r.GetDouble(LocationAt + 1));

    /// <summary>The current row's columns other than its display text (enough to filter and measure it).</summary>
    public static RowNumbers ReadNumbers(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetDouble(LocationAt), r.GetDouble(LocationAt + 1), StoredEnum<StationType>.Parse(r.GetString(TypeAt)),
            ServiceMask.OfJoined(r.GetString(ServicesAt)), Text(r, HoursAt), Flag(r, AccessibleAt));

    /// <summary>Adds the current row, whose other columns are <paramref name="n"/>, with its code, name, address and phone.</summary>
    public static void AddWithText(NpgsqlDataReader r, RowNumbers n, StationTableBuilder rows) =>
        rows.Add(n.Id, r.GetString(1), r.GetString(NameAt), r.GetString(AddressAt), n.Lng, n.Lat, n.Type, n.ServiceBits, n.HoursText,
            Text(r, PhoneAt), n.Accessible);

    public static NearbyStation Read(NpgsqlDataReader r, HoursCache hours)
    {
        var n = ReadNumbers(r);
        var (hoursText, parsed) = hours.Get(n.HoursText);
        return new NearbyStation(n.Id, r.GetString(1), r.GetString(NameAt), r.GetString(AddressAt), n.Lng, n.Lat,
            n.Type, ServiceMask.SharedCodes(n.ServiceBits), hoursText, parsed, Text(r, PhoneAt), n.Accessible);
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static bool? Flag(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);
}

/// <summary>A row's columns other than its display text.</summary>
public readonly record struct RowNumbers(long Id, double Lng, double Lat, StationType Type, int ServiceBits, string? HoursText, bool? Accessible);

/// <summary>Most stations share a handful of hour texts ("24/7"): parse each once and keep one copy of the text.</summary>
public sealed class HoursCache
{
    private const int MaxEntries = 20_000; // distinct texts are few; beyond this, parse without keeping

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Text, OpeningHours? Hours)> _parsed = new();

    /// <summary>Shared by every request of the SQL path, so a busy server parses each text once.</summary>
    public static HoursCache Shared { get; } = new();

    public (string? Text, OpeningHours? Hours) Get(string? text)
    {
        if (text is null) return (null, null);
        if (_parsed.TryGetValue(text, out var entry)) return entry;
        entry = (text, OpeningHours.TryParse(text, out var parsed, out _) ? parsed : null);
        if (_parsed.Count < MaxEntries) _parsed.TryAdd(text, entry);
        return entry;
    }
}
