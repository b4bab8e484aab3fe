using Npgsql;

namespace StationMap.Import;

/// <summary>
/// The stations stored when the import began (read once, inside its transaction and after its lock): their codes,
/// and a grid of the live ones for the probable-duplicate check of new rows. Checking in .NET while the file is read
/// keeps the question "near a stored station?" about stations stored before this import, although earlier chunks of
/// the same file are merged meanwhile; it also costs ≈ 1 µs a row instead of a GiST probe (the same check in SQL after
/// the chunks took 3 s for 150k rows). Memory: ≈ 250 bytes a stored station (500k: ≈ +300 MB peak on a re-upload).
/// </summary>
internal sealed class StoredStations
{
    private const string Query = "SELECT code, deleted_at IS NULL, ST_X(location::geometry), ST_Y(location::geometry), name FROM stations";

    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, int), List<Stored>> _grid = [];
    private readonly double _radius;
    private readonly double _cell;

    private sealed record Stored(string Code, double Lng, double Lat, string Name)
    {
        private string? _key;
        public string Key => _key ??= StationNames.Key(Name); // computed only when a row comes this close
    }

    private StoredStations(double radiusMetres) => (_radius, _cell) = (radiusMetres, radiusMetres / 111_320);

    public static async Task<StoredStations> LoadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, double radiusMetres, CancellationToken ct)
    {
        var stored = new StoredStations(radiusMetres);
        await using var cmd = new NpgsqlCommand(Query, conn, tx) { CommandTimeout = 0 };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var code = r.GetString(0);
            stored._codes.Add(code);
            if (!r.GetBoolean(1)) continue;
            var s = new Stored(code, r.GetDouble(2), r.GetDouble(3), r.GetString(4));
            var cell = stored.Cell(s.Lng, s.Lat);
            if (!stored._grid.TryGetValue(cell, out var bucket)) stored._grid[cell] = bucket = [];
            bucket.Add(s);
        }
        return stored;
    }

    /// <summary>A row with this code updates a stored (or deleted) station: it is not new.</summary>
    public bool Knows(string code) => _codes.Contains(code);

    /// <summary>Live stored stations within the radius whose names are similar to <paramref name="name"/>.</summary>
    public IEnumerable<(string Code, string Name)> SimilarNear(double lng, double lat, string name)
    {
        if (_grid.Count == 0) yield break;
        var key = StationNames.Key(name);
        var (cx, cy) = Cell(lng, lat);
        for (var dx = -1; dx <= 1; dx++)
        for (var dy = -1; dy <= 1; dy++)
        {
            if (!_grid.TryGetValue((cx + dx, cy + dy), out var bucket)) continue;
            foreach (var s in bucket)
                if (NearDuplicates.Metres(lng, lat, s.Lng, s.Lat) <= _radius && StationNames.Similar(key, s.Key)) yield return (s.Code, s.Name);
        }
    }

    private (int, int) Cell(double lng, double lat) => NearDuplicates.Cell(lng, lat, _cell);
}
