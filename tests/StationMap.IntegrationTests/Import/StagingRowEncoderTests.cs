using Npgsql;
using StationMap.Geo;
using StationMap.Import;
using StationMap.Stations;

namespace StationMap.IntegrationTests.Import;

/// <summary>The hand-written binary COPY of staged rows, read back by PostgreSQL.</summary>
public class StagingRowEncoderTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private static StationFields Fields(string? code, decimal? area, List<string> services, List<string> photos, string? phone = "010-12345678") =>
        new(code, "和平里驿站（测试）", "北京市东城区和平里东街 1 号", "110101", Coordinate.Gcj02(116.4123456, 39.9512345),
            Coordinate.Wgs84(116.40612345678901, 39.9498765432109), StationType.Micro, area, services, "08:00-20:00", phone,
            null, HostKind.PostOffice, true, StationStatus.Suspended, photos, "备注 \"引号\" \\ 反斜杠");

    [Fact]
    public async Task Every_column_reads_back_as_written_and_numeric_is_rounded_by_the_column()
    {
        decimal?[] areas = [null, 0m, 0.04m, 0.05m, 5.25m, -5.25m, 12.3m, 10000m, 10000.5m, 1234567.8m, 99.99m, 0.0001m, 20.10m];
        var snapshots = new InsertSnapshot(DateTimeOffset.UnixEpoch, "test");
        var encoder = new StagingRowEncoder(snapshots);
        using var rows = new CopyBuffer();
        for (var i = 0; i < areas.Length; i++)
            encoder.Write(rows, i + 2, 7, Fields(i % 2 == 0 ? $"ENC-{i}" : null, areas[i], i % 3 == 0 ? [] : ["饮水", "wifi"],
                i % 4 == 0 ? [] : ["a.jpg"], phone: i == 1 ? null : "010-12345678"), i == 3 ? 42 : null, mayInsert: i % 2 == 1);

        await using var conn = await api.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await StagingTable.CreateAsync(conn, CancellationToken.None);
        await StagingTable.CopyAsync(conn, MergeScope.Rest.Table, [rows], CancellationToken.None);

        await using var cmd = new NpgsqlCommand("""
            SELECT row_no, chunk, coded, code, name, address, adcode, lng, lat, submitted_lng, submitted_lat, submitted_coord_sys,
                type, area_m2::text, services, opening_hours, phone, host_organization, host_kind, managing_org_id, is_public,
                status, photos, notes, snapshot->>'name', snapshot->>'areaM2'
            FROM import_staging ORDER BY row_no
            """, conn, tx);
        await using var r = await cmd.ExecuteReaderAsync();
        string?[] expectedAreas = [null, "0.0", "0.0", "0.1", "5.3", "-5.3", "12.3", "10000.0", "10000.5", "1234567.8", "100.0", "0.0", "20.1"];
        for (var i = 0; i < areas.Length; i++)
        {
            Assert.True(await r.ReadAsync());
            var f = Fields(null, null, [], []);
            Assert.Equal((i + 2, 7, i % 2 == 0), (r.GetInt32(0), r.GetInt32(1), r.GetBoolean(2)));
            Assert.Equal(i % 2 == 0 ? $"ENC-{i}" : null, r.IsDBNull(3) ? null : r.GetString(3));
            Assert.Equal((f.Name, f.Address, f.Adcode), (r.GetString(4), r.GetString(5), r.GetString(6)));
            Assert.Equal((f.Wgs84.Lng, f.Wgs84.Lat, f.Submitted.Lng, f.Submitted.Lat), (r.GetDouble(7), r.GetDouble(8), r.GetDouble(9), r.GetDouble(10)));
            Assert.Equal(("gcj02", "micro"), (r.GetString(11), r.GetString(12)));
            Assert.Equal(expectedAreas[i], r.IsDBNull(13) ? null : r.GetString(13));
            Assert.Equal(i % 3 == 0 ? [] : ["饮水", "wifi"], r.GetFieldValue<string[]>(14));
            Assert.Equal("08:00-20:00", r.GetString(15));
            Assert.Equal(i == 1 ? null : "010-12345678", r.IsDBNull(16) ? null : r.GetString(16));
            Assert.True(r.IsDBNull(17));
            Assert.Equal("postoffice", r.GetString(18));
            Assert.Equal(i == 3 ? 42L : (long?)null, r.IsDBNull(19) ? null : r.GetInt64(19));
            Assert.Equal((true, "suspended"), (r.GetBoolean(20), r.GetString(21)));
            Assert.Equal(i % 4 == 0 ? [] : ["a.jpg"], r.GetFieldValue<string[]>(22));
            Assert.Equal(f.Notes, r.GetString(23));
            Assert.Equal(i % 2 == 1 ? f.Name : null, r.IsDBNull(24) ? null : r.GetString(24));
            Assert.Equal(i % 2 == 1 ? expectedAreas[i] : null, r.IsDBNull(25) ? null : r.GetString(25));
        }
        Assert.False(await r.ReadAsync());
    }
}
