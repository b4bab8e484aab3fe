using Microsoft.EntityFrameworkCore;
using Npgsql;
using StationMap.Auth;
using StationMap.Geo;
using StationMap.Import;
using StationMap.Data;
using StationMap.Stations;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>A commit's new stations reach its transaction through the second connection's table (<see cref="FreshFeed"/>).</summary>
public class FreshFeedTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private static StationFields Fields(string code, double lng) =>
        new(code, $"{code} 驿站", "北京市东城区和平里东街 1 号", "110101", Coordinate.Wgs84(lng, 39.95), Coordinate.Wgs84(lng, 39.95),
            StationType.Micro, null, ["饮水"], "08:00-20:00", "010-12345678", null, HostKind.PostOffice, true, StationStatus.Active, [], null);

    [Fact]
    public async Task A_code_stored_by_someone_else_while_the_import_ran_is_not_inserted_twice_and_its_row_waits_for_the_final_pass()
    {
        // RACE-2 was new when the import read the stored codes, and is stored (committed) before its chunk is merged.
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var stored = await client.UploadAsync(Csv(Row("RACE-2", "七十号驿站", 70)), "coordsys=wgs84&dryRun=false");
        Assert.Equal(System.Net.HttpStatusCode.OK, stored.StatusCode);

        var who = new StaffIdentity(1, "feed-test", StaffRole.Editor, "110000");
        var encoder = new StagingRowEncoder(new InsertSnapshot(DateTimeOffset.UtcNow, who.Actor));
        using var chunk = new CopyBuffer();
        string[] codes = ["RACE-1", "RACE-2", "RACE-3"];
        for (var i = 0; i < codes.Length; i++) encoder.Write(chunk, i + 2, 0, Fields(codes[i], 116.40 + i * 0.01), null, mayInsert: true);

        await using var feed = new FreshFeed(api.DataSource, 990001); // disposed last: it drops a table the transaction read
        await feed.CopyAsync(chunk, CancellationToken.None);
        await using var conn = await api.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await StagingTable.CreateAsync(conn, CancellationToken.None);
        var merge = new StagedMerge(conn, tx, new ImportOptions(), who, 990001, "race.csv");

        Assert.Equal(2, await merge.InsertFreshAsync(feed.Table, 0, codes.Length, CancellationToken.None));
        Assert.Equal(["RACE-1", "RACE-3"], await Codes(conn, tx, "SELECT s.code FROM station_history h JOIN stations s ON s.id = h.station_id WHERE h.changed_by = 'feed-test' AND s.code LIKE 'RACE-%' ORDER BY 1"));
        Assert.Equal(["RACE-1", "RACE-2", "RACE-3"], await Codes(conn, tx, "SELECT code FROM stations WHERE code LIKE 'RACE-%' ORDER BY 1"));
        Assert.Equal(["RACE-2"], await Codes(conn, tx, "SELECT code FROM import_staging"));
    }

    [Fact]
    public async Task A_commit_sees_every_chunk_the_feed_committed_even_where_transactions_default_to_serializable()
    {
        // The import's transaction must not keep one snapshot (repeatable read, serializable): every chunk the feed
        // commits after its first statement would be hidden, and the import would commit without them.
        await using var strict = StationMapDataSource.Create(api.ConnectionString + ";Options=-c default_transaction_isolation=serializable");
        await using var db = StationMapDataSource.CreateDb(strict);
        var who = new StaffIdentity(1, "serializable-test", StaffRole.Editor, "110000");
        var rows = Enumerable.Range(0, 7).Select(i => Row($"SER-{i}", $"八十{i}号驿站", 80 + i)).ToArray();
        await using var file = new MemoryStream(Csv(rows));
        var options = new ImportOptions { MergeChunkRows = 2 };

        var report = await new StationImporter(strict, db, options).RunAsync(
            new ImportRequest("serializable.csv", file, who, Coordsys: "wgs84", DryRun: false));

        Assert.True(report.Committed);
        Assert.Equal(7, report.Counts.Inserted);
        Assert.Equal(7, await db.Stations.CountAsync(s => s.Code.StartsWith("SER-")));
        Assert.Equal(7, await db.StationHistory.CountAsync(h => h.Code.StartsWith("SER-")));
    }

    private static async Task<List<string>> Codes(NpgsqlConnection conn, NpgsqlTransaction tx, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await using var r = await cmd.ExecuteReaderAsync();
        var codes = new List<string>();
        while (await r.ReadAsync()) codes.Add(r.GetString(0));
        return codes;
    }
}
