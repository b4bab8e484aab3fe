namespace StationMap.Import;

/// <summary>
/// The set-based statements of an import, run on the staging table inside one transaction.
/// Station columns are compared as one row value, so "unchanged" means every stored field is equal.
/// </summary>
internal static class MergeSql
{
    /// <summary>One lock for every import's merge: two overlapping files are merged one after the other.</summary>
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtext('stationmap.import'))";

    private const string Point = "ST_SetSRID(ST_MakePoint(st.lng, st.lat), 4326)::geography";

    /// <summary>Fresh rows a chunk did not insert (a station with that code was created meanwhile) wait for the final pass.</summary>
    public static string ChunkLeftovers(string table) => $"""
        INSERT INTO import_staging SELECT * FROM {table} c
        WHERE c.chunk = @chunk AND NOT EXISTS (SELECT 1 FROM stations s WHERE s.code = c.code AND s.created_at = @now AND s.created_by = @actor)
        """;

    /// <summary>A code-less row is the stored station with the same adcode and name within the radius (so a
    /// re-upload does not create it twice); each station is claimed by one row at most, never one the file names by
    /// code, nor one this import inserted in an earlier chunk.</summary>
    public const string MatchCodeless = $"""
        WITH m AS (
            SELECT DISTINCT ON (st.row_no) st.row_no, s.code FROM import_staging st
            JOIN stations s ON s.adcode = st.adcode AND s.name = st.name AND s.deleted_at IS NULL
                AND ST_DWithin(s.location, {Point}, @radius)
            WHERE st.code IS NULL AND NOT EXISTS (SELECT 1 FROM import_staging x WHERE x.code = s.code)
                AND NOT (s.created_at = @now AND s.created_by = @actor)
            ORDER BY st.row_no, s.id),
        u AS (SELECT DISTINCT ON (code) row_no, code FROM m ORDER BY code, row_no)
        UPDATE import_staging st SET code = u.code FROM u WHERE st.row_no = u.row_no
        """;

    /// <summary>Rows whose code names a stored station the caller may not change, or a deleted one.</summary>
    public static string Forbidden(MergeScope scope) => $"""
        SELECT st.row_no, s.adcode, s.deleted_at IS NOT NULL FROM {scope.Table} st JOIN stations s ON s.code = st.code
        WHERE {scope.Filter} AND (s.deleted_at IS NOT NULL OR left(s.adcode, length(@prefix)) <> @prefix)
        """;

    public static string DropRows(MergeScope scope) => $"DELETE FROM {scope.Table} WHERE row_no = ANY(@rows)";

    /// <summary>Probable duplicates: stored stations (other codes) near each NEW row; names compared in .NET.
    /// Rows updating a known station are not probed: a re-upload of 150k known stations would cost seconds for
    /// warnings already given when those stations were first imported. Stations this import inserted in an earlier
    /// chunk (created at this import's @now by its actor) are rows of the same file, checked in .NET already.</summary>
    public static string NearStored(MergeScope scope) => $"""
        SELECT st.row_no, st.name, s.code, s.name FROM {scope.Table} st
        JOIN stations s ON s.deleted_at IS NULL AND s.code IS DISTINCT FROM st.code AND ST_DWithin(s.location, {Point}, @radius)
            AND NOT (s.created_at = @now AND s.created_by = @actor)
        WHERE {scope.Filter} AND NOT EXISTS (SELECT 1 FROM stations known WHERE known.code = st.code)
        """;

    private const string Stored = """
        (s.name, s.address, s.adcode, ST_X(s.location::geometry), ST_Y(s.location::geometry), s.submitted_lng, s.submitted_lat,
         s.submitted_coord_sys, s.type, s.area_m2, s.services, s.opening_hours, s.phone, s.host_organization, s.host_kind,
         s.managing_org_id, s.is_public, s.status, s.photos, s.notes)
        """;

    private const string Staged = """
        (st.name::varchar, st.address::varchar, st.adcode, st.lng, st.lat, st.submitted_lng, st.submitted_lat,
         st.submitted_coord_sys::varchar, st.type::varchar, st.area_m2, st.services, st.opening_hours::varchar, st.phone::varchar,
         st.host_organization::varchar, st.host_kind::varchar, COALESCE(st.managing_org_id, s.managing_org_id), st.is_public,
         st.status::varchar, st.photos, st.notes::varchar)
        """;

    /// <summary>What the merge would do, for dry runs and refused commits.</summary>
    public static string Classify(MergeScope scope) => $"""
        SELECT count(*) FILTER (WHERE s.id IS NULL),
               count(*) FILTER (WHERE s.id IS NOT NULL AND {Stored} IS DISTINCT FROM {Staged}),
               count(*) FILTER (WHERE s.id IS NOT NULL AND {Stored} IS NOT DISTINCT FROM {Staged})
        FROM {scope.Table} st LEFT JOIN stations s ON s.code = st.code
        WHERE {scope.Filter}
        """;

    /// <summary>New codes for the rest, from the same sequence and format as <c>StationCodes</c>.</summary>
    public static string GenerateCodes(string provinceCase) => $"""
        UPDATE import_staging SET generated = true,
            code = {provinceCase} || adcode || '-' || lpad(nextval('station_code_seq')::text, 6, '0')
        WHERE code IS NULL OR (generated AND code IN (SELECT code FROM stations))
        """;

    public const string GeneratedClash = "SELECT count(*) FROM import_staging st WHERE generated AND EXISTS (SELECT 1 FROM stations s WHERE s.code = st.code)";

    /// <summary>Staged rows, and how many of them name a stored station.</summary>
    public static string CountExisting(MergeScope scope) =>
        $"SELECT count(*), count(s.id) FROM {scope.Table} st LEFT JOIN stations s ON s.code = st.code WHERE {scope.Filter}";

    /// <summary>Changed stations only: version + 1, who and when, and a history row with the new snapshot.
    /// The comparison sits in the WHERE so it reads the row as locked, not as seen earlier.</summary>
    public static string Update(MergeScope scope) => $"""
        WITH upd AS (
            UPDATE stations s SET name = st.name, address = st.address, adcode = st.adcode,
                location = {Point}, submitted_lng = st.submitted_lng, submitted_lat = st.submitted_lat,
                submitted_coord_sys = st.submitted_coord_sys, type = st.type, area_m2 = st.area_m2, services = st.services,
                opening_hours = st.opening_hours, phone = st.phone, host_organization = st.host_organization,
                host_kind = st.host_kind, managing_org_id = COALESCE(st.managing_org_id, s.managing_org_id),
                is_public = st.is_public, status = st.status, photos = st.photos, notes = st.notes,
                version = s.version + 1, updated_at = @now, updated_by = @actor
            FROM {scope.Table} st
            WHERE s.code = st.code AND {scope.Filter} AND s.deleted_at IS NULL AND {Stored} IS DISTINCT FROM {Staged}
            RETURNING s.*)
        INSERT INTO station_history (station_id, code, version, kind, changed_at, changed_by, reason, snapshot)
        SELECT id, code, version, 'imported', @now, @actor, @reason, {SnapshotSql.Of("upd")} FROM upd
        """;

    /// <summary>A chunk's fresh rows, from the <see cref="FreshFeed"/>'s table: ids were drawn while copying (file order),
    /// so no sort; a code created meanwhile by someone else is skipped by the unique index (no anti join against every
    /// stored station, which the planner, blind to the rows this transaction has inserted so far, ran as a hash join over
    /// the whole table for every chunk).</summary>
    public static string InsertChunk(string table) => $"""
        INSERT INTO stations (id, code, name, address, adcode, location, submitted_lng, submitted_lat, submitted_coord_sys,
            type, area_m2, services, opening_hours, phone, host_organization, host_kind, managing_org_id, is_public, status,
            photos, notes, created_at, created_by, updated_at, updated_by, version)
        SELECT st.id, st.code, st.name, st.address, st.adcode, {Point}, st.submitted_lng, st.submitted_lat, st.submitted_coord_sys,
            st.type, st.area_m2, st.services, st.opening_hours, st.phone, st.host_organization, st.host_kind, st.managing_org_id,
            st.is_public, st.status, st.photos, st.notes, @now, @actor, @now, @actor, 1
        FROM {table} st WHERE st.chunk = @chunk
        ON CONFLICT (code) DO NOTHING
        """;

    /// <summary>The history rows of the stations <see cref="InsertChunk"/> just inserted: their own snapshots. Usually
    /// it inserted every row of the chunk, and the statement reads only the chunk, whatever the statistics say. A separate
    /// statement with no join: joined with the insert's RETURNING list, its plan hung on the feed table's statistics,
    /// which autovacuum took mid-import (the feed's rows are committed); the current chunk then looked like one row and
    /// PostgreSQL compared every row with every other, 1.8 s a chunk instead of 0.05. A join with the stations did no
    /// better after an ANALYZE of them from outside the transaction, which sees none of the new ones.
    /// <paramref name="skipped"/>: some codes were created meanwhile; their rows have no station (the id is the
    /// sequence's), so only ids that exist get a history row.</summary>
    public static string ChunkHistory(string table, bool skipped) => $"""
        INSERT INTO station_history (station_id, code, version, kind, changed_at, changed_by, reason, snapshot)
        SELECT st.id, st.code, 1, 'imported', @now, @actor, @reason, st.snapshot
        FROM {table} st WHERE st.chunk = @chunk{(skipped ? " AND EXISTS (SELECT 1 FROM stations s WHERE s.id = st.id)" : "")}
        """;

    /// <summary>New stations in file order; their history snapshots were written in .NET while reading (a generated
    /// code is set here), so the CTE returns only id and code.</summary>
    public static string Insert(MergeScope scope) => $"""
        WITH ins AS (
            INSERT INTO stations (code, name, address, adcode, location, submitted_lng, submitted_lat, submitted_coord_sys,
                type, area_m2, services, opening_hours, phone, host_organization, host_kind, managing_org_id, is_public, status,
                photos, notes, created_at, created_by, updated_at, updated_by, version)
            SELECT st.code, st.name, st.address, st.adcode, {Point}, st.submitted_lng, st.submitted_lat, st.submitted_coord_sys,
                st.type, st.area_m2, st.services, st.opening_hours, st.phone, st.host_organization, st.host_kind, st.managing_org_id,
                st.is_public, st.status, st.photos, st.notes, @now, @actor, @now, @actor, 1
            FROM {scope.Table} st WHERE {scope.Filter} AND NOT EXISTS (SELECT 1 FROM stations s WHERE s.code = st.code)
            ORDER BY st.row_no
            RETURNING id, code)
        INSERT INTO station_history (station_id, code, version, kind, changed_at, changed_by, reason, snapshot)
        SELECT ins.id, ins.code, 1, 'imported', @now, @actor, @reason,
            CASE WHEN st.generated THEN jsonb_set(st.snapshot, ARRAY['code'], to_jsonb(ins.code)) ELSE st.snapshot END
        FROM ins JOIN {scope.Table} st ON st.code = ins.code AND {scope.Filter}
        """;

    public const string Audit = """
        INSERT INTO audit_log (at, actor, action, subject, details) VALUES (@now, @actor, 'import.commit', @subject, @details::jsonb)
        """;
}

/// <summary>The history snapshot in SQL, with the same field names as <c>StationSnapshot</c> (camelCase JSON).</summary>
internal static class SnapshotSql
{
    public static string Of(string t) => $"""
        jsonb_build_object('code', {t}.code, 'name', {t}.name, 'address', {t}.address, 'adcode', {t}.adcode,
            'location', jsonb_build_object('lng', ST_X({t}.location::geometry), 'lat', ST_Y({t}.location::geometry), 'coordsys', 'wgs84'),
            'submitted', jsonb_build_object('lng', {t}.submitted_lng, 'lat', {t}.submitted_lat, 'coordsys', {t}.submitted_coord_sys),
            'type', {t}.type, 'areaM2', {t}.area_m2, 'services', to_jsonb({t}.services), 'openingHours', {t}.opening_hours,
            'phone', {t}.phone, 'hostOrganization', {t}.host_organization, 'hostKind', {t}.host_kind,
            'managingOrgId', {t}.managing_org_id, 'isPublic', {t}.is_public, 'status', {t}.status, 'photos', to_jsonb({t}.photos),
            'notes', {t}.notes, 'version', {t}.version, 'createdAt', {t}.created_at, 'createdBy', {t}.created_by,
            'updatedAt', {t}.updated_at, 'updatedBy', {t}.updated_by, 'deletedAt', {t}.deleted_at, 'deletedBy', {t}.deleted_by)
        """;
}
