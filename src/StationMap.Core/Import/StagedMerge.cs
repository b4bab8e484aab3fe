using Npgsql;
using StationMap.Audit;
using StationMap.Auth;
using StationMap.Stations;

namespace StationMap.Import;

/// <summary>Runs <see cref="MergeSql"/> on staged rows inside the caller's transaction, as one actor at one instant
/// (every history row of an import has the same changed_at).</summary>
internal sealed class StagedMerge(NpgsqlConnection conn, NpgsqlTransaction tx, ImportOptions options, StaffIdentity who, long jobId, string fileName)
{
    private readonly DateTimeOffset _now = Microseconds(DateTimeOffset.UtcNow);

    /// <summary>The import's instant, at the database's precision so snapshots written in .NET agree with the columns.</summary>
    public DateTimeOffset Now => _now;

    private static DateTimeOffset Microseconds(DateTimeOffset t) => t.AddTicks(-(t.Ticks % 10));

    public async Task LockAsync(CancellationToken ct) => await ExecAsync(MergeSql.Lock, ct);

    private string Reason => $"导入 #{jobId} / import #{jobId}: {fileName}" is { Length: > 500 } r ? r[..500] : $"导入 #{jobId} / import #{jobId}: {fileName}";

    /// <summary>Gives code-less rows the code of the station they already are; returns rows still without code.</summary>
    public Task MatchCodelessAsync(CancellationToken ct) => ExecAsync(MergeSql.MatchCodeless, ct, ("radius", options.DuplicateRadiusMetres));

    /// <summary>Rows updating a station outside the caller's area, or a deleted one: errors, and out of the staging table.</summary>
    public async Task<List<ImportProblem>> RejectForbiddenAsync(string codeColumn, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        await using (var cmd = Command(MergeSql.Forbidden, ("prefix", StationVisibility.AreaPrefix(who)!)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var (row, adcode, deleted, known, code) = (r.GetInt32(0), r.GetString(1), r.GetBoolean(2), r.GetBoolean(3), r.GetString(4));
                var restore = $"POST /api/v1/stations/{Uri.EscapeDataString(code)}/restore";
                // Another area's hidden (non-public or deleted) station: neither its district nor its state is the
                // caller's to learn (StationVisibility.MayKnow), only that the code is taken — as creating it by hand says.
                problems.Add(!known
                    ? ImportProblem.Of(row, codeColumn, "code_taken", "该编码已被其他站点使用，请改用新编码", "this code is already used by another station; use a new code")
                    : deleted
                    ? ImportProblem.Of(row, codeColumn, "code_deleted",
                        $"该编码的站点已删除：请先恢复（管理台“站点”中搜索该编码，点“恢复”；或 {restore}），或改用新编码",
                        $"the station with this code was deleted: restore it first (console: Stations, search the code, Restore; or {restore}) or use a new code")
                    : ImportProblem.Of(row, codeColumn, "out_of_scope", $"该编码的站点属于行政区 {adcode}，不在您的机构范围（{who.OrgAdcode}）内",
                        $"the station with this code is in {adcode}, outside your organisation's area ({who.OrgAdcode})"));
            }
        if (problems.Count > 0) await ExecAsync(MergeSql.DropRows, ct, ("rows", problems.Select(p => p.Row).ToArray()));
        return problems;
    }

    public async Task<List<ImportProblem>> NearStoredAsync(string nameColumn, CancellationToken ct)
    {
        var warnings = new List<ImportProblem>();
        await using var cmd = Command(MergeSql.NearStored, ("radius", options.DuplicateRadiusMetres), ("prefix", StationVisibility.AreaPrefix(who)!));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            if (StationNames.Similar(StationNames.Key(r.GetString(1)), StationNames.Key(r.GetString(3))))
                warnings.Add(ImportProblem.Of(r.GetInt32(0), nameColumn, "probable_duplicate",
                    $"疑似重复：{options.DuplicateRadiusMetres:0} 米内已有名称相近的站点 {r.GetString(2)}（{r.GetString(3)}）",
                    $"probable duplicate: stored station {r.GetString(2)} ({r.GetString(3)}) is within {options.DuplicateRadiusMetres:0} m with a similar name"));
        return warnings;
    }

    /// <summary>Rows based on an older version than the stored station. Without <paramref name="overwrite"/> they are errors
    /// and leave the staging table (so skipInvalid skips them); with it they are warnings and are written.</summary>
    public async Task<(List<ImportConflict> Conflicts, List<ImportProblem> Problems)> ConflictsAsync(bool overwrite, string versionColumn, CancellationToken ct)
    {
        var (conflicts, problems, rows) = (new List<ImportConflict>(), new List<ImportProblem>(), new List<int>());
        await using (var cmd = Command(MergeSql.Conflicts))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var c = new ImportConflict(r.GetInt32(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetFieldValue<string[]>(6), overwrite);
                // The report keeps as many as it keeps problems; every conflicting row is still an error or warning.
                if (conflicts.Count < options.MaxReportedProblems) conflicts.Add(c);
                rows.Add(c.Row);
                problems.Add(ConflictProblem(c, versionColumn));
            }
        if (!overwrite && rows.Count > 0) await ExecAsync(MergeSql.DropRows, ct, ("rows", rows.ToArray()));
        return (conflicts, problems);
    }

    private static ImportProblem ConflictProblem(ImportConflict c, string column)
    {
        var when = c.ChangedAt is { } at ? at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "?";
        var fields = c.Fields is null ? "?" : string.Join(", ", c.Fields);
        var (zh, en) = c.Overwritten
            ? ("已确认覆盖：", "overwrite confirmed: ")
            : ("未写入，确认覆盖请勾选“覆盖较新的修改”（overwriteNewer=true）：", "not written; to overwrite, confirm with overwriteNewer=true: ");
        return ImportProblem.Of(c.Row, column, "version_conflict",
            $"{zh}站点 {c.Code} 已由 {c.ChangedBy ?? "?"} 于 {when}（北京时间）修改（文件版本 {c.FileVersion}，当前版本 {c.StoredVersion}；改动字段：{fields}）",
            $"{en}station {c.Code} was changed by {c.ChangedBy ?? "?"} at {when} (UTC+8) after this file's version {c.FileVersion} (now {c.StoredVersion}; fields changed: {fields})");
    }

    /// <summary>Version-less rows that would change a station edited by hand since its last import: warnings.</summary>
    public async Task<List<ImportProblem>> HandEditedAsync(string codeColumn, CancellationToken ct)
    {
        var warnings = new List<ImportProblem>();
        await using var cmd = Command(MergeSql.HandEdited);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            static string Time(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var (code, by, at) = (r.GetString(1), r.GetString(2), Time(r.GetFieldValue<DateTimeOffset>(3)));
            var lastImport = r.IsDBNull(4) ? null : Time(r.GetFieldValue<DateTimeOffset>(4));
            warnings.Add(ImportProblem.Of(r.GetInt32(0), codeColumn, "hand_edited",
                $"站点 {code} 在{(lastImport is null ? "" : $"上次导入（{lastImport}）之后")}由 {by} 于 {at}（北京时间）手工修改过，本行没有版本号，将覆盖该修改",
                $"station {code} was edited by hand by {by} at {at} (UTC+8){(lastImport is null ? "" : $" after its last import ({lastImport})")}; this row has no version and will overwrite that edit"));
        }
        return warnings;
    }

    /// <summary>What a merge would do, without doing it.</summary>
    public async Task<MergeCounts> ClassifyAsync(CancellationToken ct)
    {
        await using var cmd = Command(MergeSql.Classify);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2));
    }

    /// <summary>The final pass: generates missing codes, updates changed stations, inserts new ones, a history row for each.
    /// <paramref name="codeless"/>: whether any staged row came without a code (a re-upload of coded rows has none, and
    /// skips the code generation).</summary>
    public async Task<MergeCounts> MergeAsync(bool codeless, bool overwrite, CancellationToken ct)
    {
        var generate = MergeSql.GenerateCodes(StationCodes.ProvinceSql("adcode"));
        if (codeless)
            do await ExecAsync(generate, ct);
            while (await ScalarAsync(MergeSql.GeneratedClash, ct) > 0);

        var (staged, existing) = await CountAsync(MergeSql.CountExisting, ct);
        (string, object)[] common = [("now", _now), ("actor", who.Actor), ("reason", Reason)];
        // A chunk of new stations (the usual first import) skips the update's join against every stored station, and a
        // re-upload of stored stations skips the insert's anti join and sort of every staged row.
        var updated = existing == 0 ? 0 : await ExecAsync(MergeSql.Update, ct, [.. common, ("overwrite", overwrite)]);
        var inserted = staged == existing ? 0 : await ExecAsync(MergeSql.Insert, ct, common);
        return new(inserted, updated, (int)existing - updated);
    }

    /// <summary>One audit row for the whole import.</summary>
    public async Task AuditAsync(MergeCounts c, CancellationToken ct)
    {
        var entry = AuditLog.Entry(who.Actor, "import.commit", $"import:{jobId}",
            new Dictionary<string, object> { ["job"] = jobId, ["file"] = fileName, ["inserted"] = c.Inserted, ["updated"] = c.Updated, ["unchanged"] = c.Unchanged });
        entry.At = _now;
        await AuditWriter.WriteAsync(conn, tx, entry, ct);
    }

    /// <summary>After the reader has finished (its problems are in the log): scope and duplicate checks, then the merge
    /// and commit, or only the counts and a rollback (dry run, or rejected rows without skipInvalid).</summary>
    public async Task<(MergeCounts Counts, bool Committed, List<ImportConflict> Conflicts)> FinishAsync(ProblemLog log, ImportRequest request,
        int codeless, int versioned, int valid, ColumnMap map, CancellationToken ct)
    {
        var codeColumn = map.HeaderOf(ImportField.Code) ?? "code";
        if (codeless > 0) await MatchCodelessAsync(ct);
        log.AddErrors(await RejectForbiddenAsync(codeColumn, ct));
        if (codeless > 0) log.AddWarnings(await NearStoredAsync(map.HeaderOf(ImportField.Name) ?? "name", ct));
        List<ImportConflict> conflicts = [];
        if (versioned > 0)
        {
            // A commit holds the versioned stations from here to COMMIT: an edit made after the dry run is caught now,
            // and one made during the merge waits for it (and then meets a new version).
            if (!request.DryRun) await ScalarAsync(MergeSql.LockVersioned, ct);
            (conflicts, var problems) = await ConflictsAsync(request.OverwriteNewer, map.HeaderOf(ImportField.Version) ?? "版本", ct);
            if (request.OverwriteNewer) log.AddWarnings(problems); else log.AddErrors(problems);
        }
        if (versioned < valid) log.AddWarnings(await HandEditedAsync(codeColumn, ct));
        var write = !request.DryRun && (log.RejectedRows.Count == 0 || request.SkipInvalid);
        var counts = write ? await MergeAsync(codeless > 0, request.OverwriteNewer, ct) : await ClassifyAsync(ct);
        if (write)
        {
            await AuditAsync(counts, ct);
            await tx.CommitAsync(ct);
        }
        else await tx.RollbackAsync(ct);
        return (counts, write, conflicts);
    }

    private NpgsqlCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    private async Task<int> ExecAsync(string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var cmd = Command(sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<(long, long)> CountAsync(string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.GetInt64(1));
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}

internal readonly record struct MergeCounts(int Inserted, int Updated, int Unchanged)
{
    public static MergeCounts operator +(MergeCounts a, MergeCounts b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
}
