using Npgsql;
using NpgsqlTypes;
using StationMap.Stations;

namespace StationMap.Import;

/// <summary>
/// Where valid rows wait for the merge: the session's temporary <c>import_staging</c>, living only inside the import's
/// transaction (ON COMMIT DROP), with the station's columns (<see cref="StationColumns"/>) after the row's own (base_version: the 版本 the row was based on).
/// </summary>
internal static class StagingTable
{
    public static readonly string Create = $"""
        CREATE TEMP TABLE import_staging (row_no int NOT NULL, coded boolean NOT NULL, code varchar(32), base_version int,
            generated boolean NOT NULL DEFAULT false, {string.Join(", ", StationColumns.All.Select(c => $"{c.Db} {c.SqlType}"))}) ON COMMIT DROP
        """;

    private static readonly string Copy = $"COPY import_staging (row_no, coded, code, base_version, {StationColumns.Names()}) FROM STDIN (FORMAT BINARY)";

    public static async Task CreateAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Create, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Npgsql's binary importer into the staging table; disposing it without <c>Complete</c> cancels the COPY.</summary>
    public static NpgsqlBinaryImporter Begin(NpgsqlConnection conn) => conn.BeginBinaryImport(Copy);

    public static void Write(NpgsqlBinaryImporter copy, int rowNumber, StationRow row, int? baseVersion)
    {
        copy.StartRow();
        copy.Write(rowNumber, NpgsqlDbType.Integer);
        copy.Write(row.Fields.Code is not null, NpgsqlDbType.Boolean);
        if (row.Fields.Code is { } code) copy.Write(code, NpgsqlDbType.Varchar); else copy.WriteNull();
        if (baseVersion is { } v) copy.Write(v, NpgsqlDbType.Integer); else copy.WriteNull();
        StationColumns.Write(copy, row);
    }
}
