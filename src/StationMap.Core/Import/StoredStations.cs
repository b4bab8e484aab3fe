using Npgsql;

namespace StationMap.Import;

/// <summary>
/// The codes of the stations stored when the import began (read once, inside its transaction and after its lock):
/// a row whose code is not among them is fresh — a new station the merge may insert while the file is still read.
/// Codes only: ≈ 100 bytes a station, so a 500k-station database stays within the import's memory budget.
/// </summary>
internal sealed class StoredStations
{
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

    public static async Task<StoredStations> LoadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var stored = new StoredStations();
        await using var cmd = new NpgsqlCommand("SELECT code FROM stations", conn, tx) { CommandTimeout = 0 };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) stored._codes.Add(r.GetString(0));
        return stored;
    }

    /// <summary>A row with this code updates a stored (or deleted) station: it is not new.</summary>
    public bool Knows(string code) => _codes.Contains(code);
}
