using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Import;

/// <summary>
/// The session's temporary table of valid rows, filled by binary COPY while the file is still being read.
/// It lives only inside the import's transaction (ON COMMIT DROP).
/// Rows are written to the COPY on a thread of their own: measured on 150k rows, the COPY writes (which wait
/// whenever PostgreSQL has not yet taken in the previous buffer) took as long as mapping and validating together,
/// and doing them in turn on one thread left a core idle. Order is kept; a COPY failure surfaces in the caller.
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
    private readonly BlockingCollection<(int Row, StationFields Fields, long? OrgId)> _rows = new(4096);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;

    private StagingTable(NpgsqlBinaryImporter copy)
    {
        _copy = copy;
        _writer = Task.Run(() =>
        {
            try
            {
                foreach (var (row, fields, orgId) in _rows.GetConsumingEnumerable(_stop.Token)) WriteRow(row, fields, orgId);
            }
            catch
            {
                _stop.Cancel(); // wakes a reader blocked on a full queue
                throw;
            }
        });
    }

    public static async Task<StagingTable> OpenAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using (var cmd = new NpgsqlCommand(Create, conn)) await cmd.ExecuteNonQueryAsync(ct);
        return new StagingTable(await conn.BeginBinaryImportAsync(Copy, ct));
    }

    /// <summary>Queues a valid row for the COPY (blocks only when the writer is 4096 rows behind).</summary>
    public void Write(int row, StationFields fields, long? orgId)
    {
        try
        {
            _rows.Add((row, fields, orgId), _stop.Token);
        }
        catch (OperationCanceledException)
        {
            _writer.GetAwaiter().GetResult(); // only a failed writer cancels while rows are added: rethrow its exception
            throw;
        }
    }

    private void WriteRow(int row, StationFields f, long? orgId)
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
    public async Task CompleteAsync(CancellationToken ct)
    {
        _rows.CompleteAdding();
        await _writer;
        await _copy.CompleteAsync(ct);
    }

    /// <summary>Without <see cref="CompleteAsync"/> (file refused part-way) the COPY is cancelled and nothing is staged.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_rows.IsAddingCompleted) _stop.Cancel();
        try { await _writer; }
        catch (OperationCanceledException) { } // stopped on purpose
        catch when (!_rows.IsAddingCompleted) { } // the caller is already leaving with its own error
        await _copy.DisposeAsync();
        _rows.Dispose();
        _stop.Dispose();
    }
}
