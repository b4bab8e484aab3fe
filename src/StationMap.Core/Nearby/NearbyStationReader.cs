using Npgsql;
using StationMap.Hours;
using StationMap.Nearby.Packed;
using StationMap.Stations;

namespace StationMap.Nearby;

/// <summary>Reads stations with plain Npgsql (no change tracking): as records, or straight into a packed table.</summary>
public static class NearbyStationReader
{
    /// <summary>Columns every nearest path selects, in this order.</summary>
    public const string Columns =
        "id, code, name, address, ST_X(location::geometry), ST_Y(location::geometry), type, array_to_string(services, ','), opening_hours, phone";

    public const string ServedCondition = "deleted_at IS NULL AND status = 'active' AND is_public";

    private const string AllServedSql = $"SELECT {Columns} FROM stations WHERE {ServedCondition}";

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
        await ReadIntoAsync(cmd, rows, ct);
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

    private static async Task ReadIntoAsync(NpgsqlCommand cmd, StationTableBuilder rows, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) AddWithText(r, ReadNumbers(r), rows);
    }

    public static (double Lng, double Lat) ReadPosition(NpgsqlDataReader r) => (r.GetDouble(4), r.GetDouble(5));

    /// <summary>The current row's columns other than its display text (enough to filter and measure it).</summary>
    public static RowNumbers ReadNumbers(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetDouble(4), r.GetDouble(5), TypeOf(r.GetString(6)), ServiceMask.OfJoined(r.GetString(7)),
            r.IsDBNull(8) ? null : r.GetString(8));

    /// <summary>Adds the current row, whose other columns are <paramref name="n"/>, with its code, name, address and phone.</summary>
    public static void AddWithText(NpgsqlDataReader r, RowNumbers n, StationTableBuilder rows) =>
        rows.Add(n.Id, r.GetString(1), r.GetString(2), r.GetString(3), n.Lng, n.Lat, n.Type, n.ServiceBits, n.HoursText,
            r.IsDBNull(9) ? null : r.GetString(9));

    public static NearbyStation Read(NpgsqlDataReader r, HoursCache hours)
    {
        var (hoursText, parsed) = hours.Get(r.IsDBNull(8) ? null : r.GetString(8));
        return new NearbyStation(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4), r.GetDouble(5),
            TypeOf(r.GetString(6)), ServiceMask.SharedCodes(ServiceMask.OfJoined(r.GetString(7))),
            hoursText, parsed, r.IsDBNull(9) ? null : r.GetString(9));
    }

    private static StationType TypeOf(string wire) => wire switch
    {
        "standard" => StationType.Standard,
        "micro" => StationType.Micro,
        "mobile" => StationType.Mobile,
        _ => Enum.Parse<StationType>(wire, ignoreCase: true),
    };
}

/// <summary>A row's columns other than its display text, in <see cref="NearbyStationReader.Columns"/> order.</summary>
public readonly record struct RowNumbers(long Id, double Lng, double Lat, StationType Type, int ServiceBits, string? HoursText);

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
