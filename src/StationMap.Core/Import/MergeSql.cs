using StationMap.Stations;

namespace StationMap.Import;

/// <summary>
/// The set-based statements of an import, run on <c>import_staging</c> (as <c>st</c>) inside one transaction. The
/// station's columns come from <see cref="StationColumns"/>; they are compared as one row value, so "unchanged" means
/// every stored field is equal.
/// </summary>
internal static class MergeSql
{
    /// <summary>One lock for every import's merge: two overlapping files are merged one after the other.</summary>
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtext('stationmap.import'))";

    /// <summary>A code-less row is the stored station with the same adcode and name within the radius (so a
    /// re-upload does not create it twice); each station is claimed by one row at most, never one the file names by code.</summary>
    public const string MatchCodeless = """
        WITH m AS (
            SELECT DISTINCT ON (st.row_no) st.row_no, s.code FROM import_staging st
            JOIN stations s ON s.adcode = st.adcode AND s.name = st.name AND s.deleted_at IS NULL
                AND ST_DWithin(s.location, st.location, @radius)
            WHERE st.code IS NULL AND NOT EXISTS (SELECT 1 FROM import_staging x WHERE x.code = s.code)
            ORDER BY st.row_no, s.id),
        u AS (SELECT DISTINCT ON (code) row_no, code FROM m ORDER BY code, row_no)
        UPDATE import_staging st SET code = u.code FROM u WHERE st.row_no = u.row_no
        """;

    /// <summary>Rows whose code names a stored station the caller may not change, or a deleted one.</summary>
    public const string Forbidden = """
        SELECT st.row_no, s.adcode, s.deleted_at IS NOT NULL FROM import_staging st JOIN stations s ON s.code = st.code
        WHERE s.deleted_at IS NOT NULL OR left(s.adcode, length(@prefix)) <> @prefix
        """;

    public const string DropRows = "DELETE FROM import_staging WHERE row_no = ANY(@rows)";

    /// <summary>Probable duplicates: stored stations (other codes) near each NEW code-less row; names compared in .NET.
    /// Coded rows were checked against the stations stored before the import while they were read.</summary>
    public const string NearStored = """
        SELECT st.row_no, st.name, s.code, s.name FROM import_staging st
        JOIN stations s ON s.deleted_at IS NULL AND s.code IS DISTINCT FROM st.code AND ST_DWithin(s.location, st.location, @radius)
        WHERE NOT st.coded AND NOT EXISTS (SELECT 1 FROM stations known WHERE known.code = st.code)
        """;

    private static readonly string Stored = $"({string.Join(", ", StationColumns.All.Select(c => c.Compared("s")))})";

    private static readonly string Staged = $"({string.Join(", ", StationColumns.All.Select(c => c.Merged == $"st.{c.Db}" ? c.Compared("st") : c.Merged))})";

    /// <summary>What the merge would do, for dry runs and refused commits.</summary>
    public static readonly string Classify = $"""
        SELECT count(*) FILTER (WHERE s.id IS NULL),
               count(*) FILTER (WHERE s.id IS NOT NULL AND {Stored} IS DISTINCT FROM {Staged}),
               count(*) FILTER (WHERE s.id IS NOT NULL AND {Stored} IS NOT DISTINCT FROM {Staged})
        FROM import_staging st LEFT JOIN stations s ON s.code = st.code
        """;

    /// <summary>New codes for the rest, from the same sequence and format as <c>StationCodes</c>.</summary>
    public static string GenerateCodes(string provinceCase) => $"""
        UPDATE import_staging SET generated = true,
            code = {provinceCase} || adcode || '-' || lpad(nextval('station_code_seq')::text, 6, '0')
        WHERE code IS NULL OR (generated AND code IN (SELECT code FROM stations))
        """;

    public const string GeneratedClash = "SELECT count(*) FROM import_staging st WHERE generated AND EXISTS (SELECT 1 FROM stations s WHERE s.code = st.code)";

    /// <summary>Staged rows, and how many of them name a stored station.</summary>
    public const string CountExisting = "SELECT count(*), count(s.id) FROM import_staging st LEFT JOIN stations s ON s.code = st.code";

    /// <summary>Changed stations only: version + 1, who and when, and a history row with the new snapshot.
    /// The comparison sits in the WHERE so it reads the row as locked, not as seen earlier.</summary>
    public static readonly string Update = $"""
        WITH upd AS (
            UPDATE stations s SET {string.Join(", ", StationColumns.All.Select(c => $"{c.Db} = {c.Merged}"))},
                version = s.version + 1, updated_at = @now, updated_by = @actor
            FROM import_staging st
            WHERE s.code = st.code AND s.deleted_at IS NULL AND {Stored} IS DISTINCT FROM {Staged}
            RETURNING s.*)
        {StationSnapshot.InsertHistory("upd", "imported", "FROM upd")}
        """;

    /// <summary>New stations in file order, each with its history row.</summary>
    public static readonly string Insert = $"""
        WITH ins AS (
            INSERT INTO stations (code, {StationColumns.Names()}, created_at, created_by, updated_at, updated_by, version)
            SELECT st.code, {StationColumns.Names("st")}, @now, @actor, @now, @actor, 1
            FROM import_staging st WHERE NOT EXISTS (SELECT 1 FROM stations s WHERE s.code = st.code)
            ORDER BY st.row_no
            RETURNING *)
        {StationSnapshot.InsertHistory("ins", "imported", "FROM ins")}
        """;
}
