using Npgsql;

namespace StationMap.Import;

/// <summary>
/// The stations stored when the import began (read once, inside its transaction and after its lock): their codes,
/// and a grid of the live ones for the probable-duplicate check of new rows. Checking in .NET while the file is read
/// keeps the question "near a stored station?" about stations stored before this import, although earlier chunks of
/// the same file are merged meanwhile; it is also far cheaper than a GiST probe per row (the same check in SQL after
/// the chunks was measured slower). Memory: the live stations sit in parallel arrays sorted by grid cell (no object
/// or list per station), plus each station's code and name strings.
/// </summary>
internal sealed class StoredStations
{
    // The grid holds the live stations the uploader may know of (StationVisibility.MayKnow): a warning naming another
    // area's hidden station would tell its code and name. Every code is still known, so a taken code is never "new".
    private static readonly string Query = $"""
        SELECT code, deleted_at IS NULL AND {Stations.StationVisibility.MayKnowSql()},
            ST_X(location::geometry), ST_Y(location::geometry), name FROM stations
        """;

    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
    private readonly double _radius;
    private readonly double _cell;

    // Live stations, sorted by cell; a probe binary-searches the cell's run.
    private long[] _cells = [];
    private double[] _lng = [], _lat = [];
    private string[] _code = [], _name = [];
    private string?[] _key = []; // name keys, computed only when a row comes this close

    private StoredStations(double radiusMetres) => (_radius, _cell) = (radiusMetres, radiusMetres / 111_320);

    public static async Task<StoredStations> LoadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, double radiusMetres, Auth.StaffIdentity who, CancellationToken ct)
    {
        var stored = new StoredStations(radiusMetres);
        List<long> cells = []; List<double> lngs = [], lats = []; List<string> codes = [], names = [];
        await using (var cmd = new NpgsqlCommand(Query, conn, tx) { CommandTimeout = 0, Parameters = { new("prefix", Stations.StationVisibility.AreaPrefix(who)) } })
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var code = r.GetString(0);
                stored._codes.Add(code);
                if (!r.GetBoolean(1)) continue;
                double lng = r.GetDouble(2), lat = r.GetDouble(3);
                cells.Add(stored.CellKey(lng, lat)); lngs.Add(lng); lats.Add(lat); codes.Add(code); names.Add(r.GetString(4));
            }
        var order = Enumerable.Range(0, cells.Count).ToArray();
        stored._cells = [.. cells];
        Array.Sort(stored._cells, order);
        stored._lng = [.. order.Select(i => lngs[i])];
        stored._lat = [.. order.Select(i => lats[i])];
        stored._code = [.. order.Select(i => codes[i])];
        stored._name = [.. order.Select(i => names[i])];
        stored._key = new string?[order.Length];
        return stored;
    }

    /// <summary>A row with this code updates a stored (or deleted) station: it is not new.</summary>
    public bool Knows(string code) => _codes.Contains(code);

    /// <summary>Live stored stations within the radius whose names are similar to <paramref name="name"/>.</summary>
    public IEnumerable<(string Code, string Name)> SimilarNear(double lng, double lat, string name)
    {
        if (_cells.Length == 0) yield break;
        var key = StationNames.Key(name);
        var (cx, cy) = NearDuplicates.Cell(lng, lat, _cell);
        for (var dx = -1; dx <= 1; dx++)
        for (var dy = -1; dy <= 1; dy++)
        {
            var cell = NearDuplicates.Pack(cx + dx, cy + dy);
            for (var i = FirstOf(cell); i < _cells.Length && _cells[i] == cell; i++)
                if (NearDuplicates.Metres(lng, lat, _lng[i], _lat[i]) <= _radius
                    && StationNames.Similar(key, _key[i] ??= StationNames.Key(_name[i])))
                    yield return (_code[i], _name[i]);
        }
    }

    private int FirstOf(long cell)
    {
        int lo = 0, hi = _cells.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_cells[mid] < cell) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private long CellKey(double lng, double lat)
    {
        var (x, y) = NearDuplicates.Cell(lng, lat, _cell);
        return NearDuplicates.Pack(x, y);
    }
}
