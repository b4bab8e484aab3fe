using Npgsql;
using NpgsqlTypes;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Import;

/// <summary>
/// The session's temporary table of valid rows, filled by binary COPY while the file is still being read.
/// It lives only inside the import's transaction (ON COMMIT DROP).
/// </summary>
internal sealed class StagingTable : IAsyncDisposable
{
    public const string Create = """
        CREATE TEMP TABLE import_staging (
            row_no int NOT NULL, code varchar(32), generated boolean NOT NULL DEFAULT false,
            name text NOT NULL, address text NOT NULL, adcode char(6) NOT NULL,
            lng double precision NOT NULL, lat double precision NOT NULL,
            submitted_lng double precision NOT NULL, submitted_lat double precision NOT NULL, submitted_coord_sys text NOT NULL,
            type text NOT NULL, area_m2 numeric(8,1), services text[] NOT NULL, opening_hours text, phone text,
            host_organization text, host_kind text NOT NULL, managing_org_id bigint, is_public boolean NOT NULL,
            status text NOT NULL, photos text[] NOT NULL, notes text
        ) ON COMMIT DROP
        """;

    private const string Copy = """
        COPY import_staging (row_no, code, name, address, adcode, lng, lat, submitted_lng, submitted_lat, submitted_coord_sys,
            type, area_m2, services, opening_hours, phone, host_organization, host_kind, managing_org_id, is_public, status, photos, notes)
        FROM STDIN (FORMAT BINARY)
        """;

    private readonly NpgsqlBinaryImporter _copy;

    private StagingTable(NpgsqlBinaryImporter copy) => _copy = copy;

    public static async Task<StagingTable> OpenAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using (var cmd = new NpgsqlCommand(Create, conn)) await cmd.ExecuteNonQueryAsync(ct);
        return new StagingTable(await conn.BeginBinaryImportAsync(Copy, ct));
    }

    public void Write(int row, StationFields f, long? orgId)
    {
        _copy.StartRow();
        _copy.Write(row, NpgsqlDbType.Integer);
        Text(f.Code);
        _copy.Write(f.Name, NpgsqlDbType.Text);
        _copy.Write(f.Address, NpgsqlDbType.Text);
        _copy.Write(f.Adcode, NpgsqlDbType.Char);
        _copy.Write(f.Wgs84.Lng, NpgsqlDbType.Double);
        _copy.Write(f.Wgs84.Lat, NpgsqlDbType.Double);
        _copy.Write(f.Submitted.Lng, NpgsqlDbType.Double);
        _copy.Write(f.Submitted.Lat, NpgsqlDbType.Double);
        _copy.Write(f.Submitted.Sys.ToWire(), NpgsqlDbType.Text);
        _copy.Write(EnumNames.Wire(f.Type), NpgsqlDbType.Text);
        if (f.AreaM2 is { } area) _copy.Write(area, NpgsqlDbType.Numeric); else _copy.WriteNull();
        _copy.Write(f.Services, NpgsqlDbType.Array | NpgsqlDbType.Text);
        Text(f.OpeningHours);
        Text(f.Phone);
        Text(f.HostOrganization);
        _copy.Write(EnumNames.Wire(f.HostKind), NpgsqlDbType.Text);
        if (orgId is { } id) _copy.Write(id, NpgsqlDbType.Bigint); else _copy.WriteNull();
        _copy.Write(f.IsPublic, NpgsqlDbType.Boolean);
        _copy.Write(EnumNames.Wire(f.Status), NpgsqlDbType.Text);
        _copy.Write(f.Photos, NpgsqlDbType.Array | NpgsqlDbType.Text);
        Text(f.Notes);
    }

    private void Text(string? value)
    {
        if (value is null) _copy.WriteNull(); else _copy.Write(value, NpgsqlDbType.Text);
    }

    /// <summary>Ends the COPY; the rows are then visible to the merge statements on the same connection.</summary>
    public async Task CompleteAsync(CancellationToken ct) => await _copy.CompleteAsync(ct);

    public async ValueTask DisposeAsync() => await _copy.DisposeAsync();
}
