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

    /// <summary>Rows whose code names a stored station the caller may not change, or a deleted one; with whether the
    /// caller may know of that station at all (<see cref="StationVisibility.MayKnow"/>), which decides what the error may say.</summary>
    public static readonly string Forbidden = $"""
        SELECT st.row_no, s.adcode, s.deleted_at IS NOT NULL, {StationVisibility.MayKnowSql("s.")}, s.code
        FROM import_staging st JOIN stations s ON s.code = st.code
        WHERE s.deleted_at IS NOT NULL OR NOT {StationVisibility.InAreaSql("s.")}
        """;

    public const string DropRows = "DELETE FROM import_staging WHERE row_no = ANY(@rows)";

    /// <summary>Probable duplicates: stored stations (other codes) the caller may know of (public, or in its area) near
    /// each NEW code-less row; names compared in .NET.
    /// Coded rows were checked against the stations stored before the import while they were read.</summary>
    public static readonly string NearStored = $"""
        SELECT st.row_no, st.name, s.code, s.name FROM import_staging st
        JOIN stations s ON s.deleted_at IS NULL AND s.code IS DISTINCT FROM st.code AND ST_DWithin(s.location, st.location, @radius)
            AND {StationVisibility.MayKnowSql("s.")}
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

    /// <summary>Locks the stored stations that versioned rows name, so no edit slips in between the conflict check and
    /// the merge (the API's UPDATE waits for the import's commit, then finds a new version).</summary>
    public const string LockVersioned = """
        WITH l AS (SELECT s.id FROM import_staging st JOIN stations s ON s.code = st.code
                   WHERE st.base_version IS NOT NULL FOR NO KEY UPDATE OF s)
        SELECT count(*) FROM l
        """;

    /// <summary>Snapshot keys that change with every write: not "what changed".</summary>
    private const string Bookkeeping = "('version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt', 'deletedBy')";

    /// <summary>Rows based on an older version than the stored one that would change the station: who edited it since
    /// (history after the row's version), when last, and which fields differ between the row's version and the stored
    /// one (history snapshots; null when the row's version has no history row).</summary>
    public static readonly string Conflicts = $"""
        SELECT st.row_no, s.code, st.base_version, s.version,
            (SELECT string_agg(DISTINCT h.changed_by, ', ') FROM station_history h WHERE h.station_id = s.id AND h.version > st.base_version),
            (SELECT max(h.changed_at) FROM station_history h WHERE h.station_id = s.id AND h.version > st.base_version),
            CASE WHEN base.snapshot IS NULL OR cur.snapshot IS NULL THEN NULL ELSE ARRAY(
                SELECT c.key FROM jsonb_each(cur.snapshot) c
                WHERE c.key NOT IN {Bookkeeping} AND c.value IS DISTINCT FROM base.snapshot -> c.key ORDER BY c.key) END
        FROM import_staging st JOIN stations s ON s.code = st.code AND s.deleted_at IS NULL
        LEFT JOIN station_history base ON base.station_id = s.id AND base.version = st.base_version
        LEFT JOIN station_history cur ON cur.station_id = s.id AND cur.version = s.version
        WHERE st.base_version < s.version AND {Stored} IS DISTINCT FROM {Staged}
        ORDER BY st.row_no
        """;

    /// <summary>Version-less rows that would change a station whose latest change was a hand edit (API or console: an
    /// update or restore, not an import or the initial load), with that edit's actor and time and the last import's time.</summary>
    public static readonly string HandEdited = $"""
        SELECT st.row_no, s.code, h.changed_by, h.changed_at,
            (SELECT max(i.changed_at) FROM station_history i WHERE i.station_id = s.id AND i.kind = 'imported')
        FROM import_staging st JOIN stations s ON s.code = st.code AND s.deleted_at IS NULL
        JOIN station_history h ON h.station_id = s.id AND h.version = s.version
        WHERE st.base_version IS NULL AND h.kind IN ('updated', 'restored') AND {Stored} IS DISTINCT FROM {Staged}
        ORDER BY st.row_no
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
    /// The comparison sits in the WHERE so it reads the row as locked, not as seen earlier; so does the version guard
    /// (a row based on an older version never overwrites without @overwrite).</summary>
    public static readonly string Update = $"""
        WITH upd AS (
            UPDATE stations s SET {string.Join(", ", StationColumns.All.Select(c => $"{c.Db} = {c.Merged}"))},
                version = s.version + 1, updated_at = @now, updated_by = @actor
            FROM import_staging st
            WHERE s.code = st.code AND s.deleted_at IS NULL AND {Stored} IS DISTINCT FROM {Staged}
                AND (@overwrite OR st.base_version IS NULL OR st.base_version >= s.version)
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
