namespace StationMap.Stations;

/// <summary>
/// The history snapshot, built in one place: the JSON of a stored station row (every column of
/// <see cref="StationColumns"/>, coordinates with their system, version and who/when), made by PostgreSQL from the row
/// itself, so every write path — API, import, bulk load — records the same shape.
/// </summary>
public static class StationSnapshot
{
    /// <summary>The snapshot of the station row aliased <paramref name="t"/> as a jsonb expression.</summary>
    public static string Sql(string t) =>
        "jsonb_build_object('code', " + t + ".code, "
        + string.Concat(StationColumns.All.Where(c => c.Json is not null).Select(c => $"'{c.Json}', {c.JsonSql(t)}, "))
        + $"'version', {t}.version, 'createdAt', {t}.created_at, 'createdBy', {t}.created_by, 'updatedAt', {t}.updated_at, "
        + $"'updatedBy', {t}.updated_by, 'deletedAt', {t}.deleted_at, 'deletedBy', {t}.deleted_by)";

    /// <summary>Inserts a history row (kind <paramref name="kind"/>, by @actor for @reason, at the row's updated_at) for each
    /// station row aliased <paramref name="t"/> that <paramref name="from"/> ("FROM … WHERE …") yields.</summary>
    public static string InsertHistory(string t, string kind, string from) => $"""
        INSERT INTO station_history (station_id, code, version, kind, changed_at, changed_by, reason, snapshot)
        SELECT {t}.id, {t}.code, {t}.version, '{kind}', {t}.updated_at, @actor, @reason, {Sql(t)} {from}
        """;
}
