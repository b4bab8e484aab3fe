using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.Import;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.Stations;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>A commit's all-or-nothing outcome, its database failures and its history rows.</summary>
public class ChunkedCommitTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private static async Task<JsonElement> ReportAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.JsonAsync();
    }

    private static (int Inserted, int Updated, int Unchanged, int Rejected) Counts(JsonElement report)
    {
        var c = report.GetProperty("counts");
        return (c.GetProperty("inserted").GetInt32(), c.GetProperty("updated").GetInt32(), c.GetProperty("unchanged").GetInt32(), c.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task An_error_in_the_last_chunk_rolls_back_the_chunks_already_merged_and_reports_what_would_have_happened()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        await ReportAsync(await client.UploadAsync(Csv(Row("LAST-1", "二十号驿站", 20)), "coordsys=wgs84&dryRun=false"));
        await using var db = api.NewDb();
        var before = await FingerprintAsync(db);
        var rows = new[]
        {
            Row("LAST-1", "二十号驿站（新）", 20), Row("LAST-2", "二十一号驿站", 21), Row("LAST-3", "二十二号驿站", 22),
            Row("LAST-4", "二十三号驿站", 23), Row("", "二十四号驿站", 24), Row("LAST-6", "坏电话", 25, phone: "12"),
        };
        var report = await ReportAsync(await client.UploadAsync(Csv(rows), "coordsys=wgs84&dryRun=false"));
        Assert.False(report.GetProperty("committed").GetBoolean());
        Assert.Equal((4, 1, 0, 1), Counts(report));
        Assert.Equal(before, await FingerprintAsync(db));
        Assert.False(await db.Stations.AnyAsync(s => s.Code == "LAST-2"));

        var dry = await ReportAsync(await client.UploadAsync(Csv(rows), "coordsys=wgs84"));
        Assert.Equal(Counts(report), Counts(dry));
    }

    [Fact]
    public async Task A_row_out_of_scope_in_a_later_chunk_rolls_back_earlier_chunks_and_skip_invalid_keeps_the_rest()
    {
        var city = await api.StaffAsync(StaffRole.Editor, "110000");
        await ReportAsync(await city.UploadAsync(Csv(Row("FAR-1", "三十号驿站", 30, adcode: "110105")), "coordsys=wgs84&dryRun=false"));
        var haidian = await api.StaffAsync(StaffRole.Editor, "110108");
        await using var db = api.NewDb();
        var before = await FingerprintAsync(db);
        var file = Csv(Row("FAR-2", "三十一号驿站", 31), Row("FAR-3", "三十二号驿站", 32), Row("FAR-4", "三十三号驿站", 33), Row("FAR-1", "三十号驿站", 30));
        var refused = await ReportAsync(await haidian.UploadAsync(file, "coordsys=wgs84&dryRun=false"));
        Assert.Equal((false, 5, "out_of_scope"), (refused.GetProperty("committed").GetBoolean(),
            refused.GetProperty("errors")[0].GetProperty("row").GetInt32(), refused.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Equal(before, await FingerprintAsync(db));

        var skipped = await ReportAsync(await haidian.UploadAsync(file, "coordsys=wgs84&dryRun=false&skipInvalid=true"));
        Assert.Equal((true, (3, 0, 0, 1)), (skipped.GetProperty("committed").GetBoolean(), Counts(skipped)));
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Subject == $"import:{skipped.GetProperty("jobId").GetInt64()}"));
    }

    [Fact]
    public async Task When_the_database_ends_the_import_connection_mid_copy_nothing_is_stored_and_the_job_says_why()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        await using var db = api.NewDb();
        var before = await FingerprintAsync(db);
        // 1,200 new stations on a grid in Haidian (40 × 30, 100-130 m apart): the COPY lasts while the file is read.
        var rows = Enumerable.Range(0, 1200).Select(i => Row($"CUT-{i}", $"九十{i}号驿站", i % 40, lat: 39.95 + i / 40 * 0.0012));
        using var cut = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var killing = TerminateCopyAsync(cut.Token);

        var response = await client.UploadAsync(Csv([.. rows]), "coordsys=wgs84&dryRun=false");
        await cut.CancelAsync();
        Assert.True(await killing, "the import's COPY was never seen, so it was not terminated");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = (await response.JsonAsync()).GetProperty("report");
        Assert.False(report.GetProperty("committed").GetBoolean());
        Assert.Contains(report.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == ImportProblem.DatabaseError
            && e.GetProperty("message").GetString()!.Contains("未保存任何数据") && e.GetProperty("message").GetString()!.Contains("nothing was stored"));
        Assert.Equal(before, await FingerprintAsync(db));

        // The job is on record as finished, not left running.
        var job = await ReportAsync(await client.GetAsync($"/api/v1/imports/{report.GetProperty("jobId").GetInt64()}"));
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal(ImportProblem.DatabaseError, job.GetProperty("report").GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.NotNull(await db.Set<ImportJob>().Where(j => j.Id == report.GetProperty("jobId").GetInt64()).Select(j => j.FinishedAt).SingleAsync());

        // The next commit works.
        var next = await ReportAsync(await client.UploadAsync(Csv(Row("CUT-OK", "九十号驿站", 90)), "coordsys=wgs84&dryRun=false"));
        Assert.True(next.GetProperty("committed").GetBoolean());
    }

    /// <summary>Ends the backend of the import's connection while it copies into the staging table.</summary>
    private async Task<bool> TerminateCopyAsync(CancellationToken ct)
    {
        await using var conn = await api.DataSource.OpenConnectionAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand($"""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'COPY import\_staging%'
            """, conn);
        try
        {
            while (true)
            {
                if ((long)(await cmd.ExecuteScalarAsync(ct))! > 0) return true;
                await Task.Delay(5, ct);
            }
        }
        catch (OperationCanceledException)
        {
            return false; // the import ended first
        }
    }

    [Fact]
    public async Task Inserted_stations_history_snapshot_is_the_one_sql_would_build_also_for_generated_codes()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var report = await ReportAsync(await client.UploadAsync(
            Csv(Row("SNAP-1", "四十号驿站", 40), Row("SNAP-2", "四十一号驿站", 41), Row("", "四十二号驿站", 42)), "coordsys=wgs84&dryRun=false"));
        Assert.Equal((3, 0, 0, 0), Counts(report));
        await using var db = api.NewDb();
        var names = new[] { "四十号驿站", "四十一号驿站", "四十二号驿站" };
        var sql = $"""
            SELECT s.code || ': ' || h.snapshot::text || ' <> ' || {StationSnapshot.Sql("s")}::text AS "Value"
            FROM stations s JOIN station_history h ON h.station_id = s.id
            WHERE s.name IN ('四十号驿站', '四十一号驿站', '四十二号驿站') AND h.snapshot <> {StationSnapshot.Sql("s")}
            """;
        var mismatches = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        Assert.Empty(mismatches);
        Assert.Equal(3, await db.StationHistory.CountAsync(h => db.Stations.Any(s => s.Id == h.StationId && names.Contains(s.Name))));
    }

    [Fact]
    public async Task Probable_duplicates_are_checked_against_stations_stored_before_not_rows_merged_from_the_same_file()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        await ReportAsync(await client.UploadAsync(Csv(Row("NEAR-1", "五十号驿站", 50)), "coordsys=wgs84&dryRun=false"));
        // Row 2 (coded) and row 3 (code-less) lie on the stored NEAR-1; rows 4 and 6 are the same new place twice,
        // in different chunks: only the in-file warning, never one against the station row 4 became.
        var report = await ReportAsync(await client.UploadAsync(Csv(
            Row("NEAR-2", "五十号驿站", 50), Row("", "五十号", 50), Row("NEAR-4", "五十二号驿站", 52), Row("NEAR-5", "五十三号驿站", 53),
            Row("NEAR-6", "五十二号驿站", 52)), "coordsys=wgs84&dryRun=false"));
        var warnings = report.GetProperty("warnings").EnumerateArray()
            .Where(w => w.GetProperty("code").GetString() == "probable_duplicate")
            .Select(w => (Row: w.GetProperty("row").GetInt32(), Stored: w.GetProperty("message").GetString()!.Contains("NEAR-")))
            .ToList();
        Assert.Equal([(2, true)], warnings.Where(w => w.Row == 2));
        Assert.Contains((3, true), warnings);
        Assert.Equal([(6, false)], warnings.Where(w => w.Row == 6));
    }
}
