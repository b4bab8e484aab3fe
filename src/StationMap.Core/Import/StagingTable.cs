using System.Globalization;
using Npgsql;

namespace StationMap.Import;

/// <summary>
/// Where valid rows wait for the merge, filled chunk by chunk by binary COPY while the file is still being read:
/// the session's temporary <c>import_staging</c> (rows for the final pass; it lives only inside the import's
/// transaction, ON COMMIT DROP), and for a commit the <see cref="FreshFeed"/>'s table of new stations.
/// </summary>
internal static class StagingTable
{
    private const string Columns = """
        row_no int NOT NULL, chunk int NOT NULL, coded boolean NOT NULL, code varchar(32), generated boolean NOT NULL DEFAULT false,
        name text NOT NULL, address text NOT NULL, adcode char(6) NOT NULL,
        lng double precision NOT NULL, lat double precision NOT NULL,
        submitted_lng double precision NOT NULL, submitted_lat double precision NOT NULL, submitted_coord_sys text NOT NULL,
        type text NOT NULL, area_m2 numeric(8,1), services text[] NOT NULL, opening_hours text, phone text,
        host_organization text, host_kind text NOT NULL, managing_org_id bigint, is_public boolean NOT NULL,
        status text NOT NULL, photos text[] NOT NULL, notes text, snapshot jsonb, id bigint
        """;

    public const string Create = $"CREATE TEMP TABLE import_staging ({Columns}) ON COMMIT DROP";

    /// <summary>
    /// The same columns in an ordinary table another connection can fill and commit while the import's transaction reads
    /// it. Unlogged: it is scratch, dropped after the import. New stations get their ids as they are copied (in file
    /// order), so the history rows come from the same table, with no join against what the insert returns.
    /// No autovacuum: rows are only ever added, and statistics taken mid-import would describe chunks already merged.
    /// </summary>
    public static string CreateShared(string table) => $"""
        CREATE UNLOGGED TABLE {table} ({Columns}) WITH (autovacuum_enabled = false);
        CREATE INDEX ON {table} (chunk);
        DO $$ BEGIN
            EXECUTE format('ALTER TABLE {table} ALTER COLUMN id SET DEFAULT nextval(%L::regclass)', pg_get_serial_sequence('stations', 'id'));
        END $$
        """;

    /// <summary>The columns each COPY fills, in the order <see cref="StagingRowEncoder"/> writes them.</summary>
    public static readonly string[] CopyColumns =
    [
        "row_no", "chunk", "coded", "code", "name", "address", "adcode", "lng", "lat", "submitted_lng", "submitted_lat", "submitted_coord_sys",
        "type", "area_m2", "services", "opening_hours", "phone", "host_organization", "host_kind", "managing_org_id", "is_public", "status",
        "photos", "notes", "snapshot",
    ];

    private static readonly string CopyInto = $"COPY {{0}} ({string.Join(", ", CopyColumns)}) FROM STDIN (FORMAT BINARY)";

    public static async Task CreateAsync(NpgsqlConnection conn, CancellationToken ct) => await ExecuteAsync(conn, Create, ct);

    public static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One COPY of tuples the reader encoded (<see cref="StagingRowEncoder"/>); when it returns, the rows are
    /// visible to the next statements on the same connection, and, outside a transaction (the feed's), to every other.</summary>
    public static async Task CopyAsync(NpgsqlConnection conn, string table, CopyBuffer[] parts, CancellationToken ct)
    {
        if (parts.All(p => p.Tuples == 0)) return;
        await using var copy = await conn.BeginRawBinaryCopyAsync(string.Format(CultureInfo.InvariantCulture, CopyInto, table), ct);
        try
        {
            await copy.WriteAsync(StagingRowEncoder.Header.ToArray(), ct);
            foreach (var part in parts) await part.WriteToAsync(copy, ct);
            await copy.WriteAsync(StagingRowEncoder.Trailer.ToArray(), ct);
        }
        catch
        {
            // Disposing a raw COPY stream completes it: a half-written one is cancelled instead, so the original error
            // surfaces rather than PostgreSQL's complaint about a truncated tuple.
            await copy.CancelAsync();
            throw;
        }
    }
}
