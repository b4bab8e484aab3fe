using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.Import;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>Imports are background jobs: 202 + Location, a job resource with status, progress and the report, DELETE cancels.</summary>
public class ImportJobTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    [Fact]
    public async Task An_upload_is_accepted_as_a_job_whose_resource_reports_status_progress_and_the_report()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var accepted = await client.PostJobAsync(Csv(Row("JOB-1", "七十号驿站", 70), Row("JOB-2", "七十一号驿站", 71)), "coordsys=wgs84&dryRun=false");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.ToString();
        Assert.Matches(@"^/api/v1/imports/\d+$", location);
        var queued = await accepted.JsonAsync();
        Assert.Contains(queued.GetProperty("status").GetString(), new[] { "queued", "running", "succeeded" });
        Assert.True(queued.GetProperty("queuePosition").GetInt32() >= 0);

        var job = await client.WaitForJobAsync(location);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var progress = job.GetProperty("progress");
        Assert.Equal((2, 2, 2), (progress.GetProperty("rowsRead").GetInt32(), progress.GetProperty("rowsValidated").GetInt32(), progress.GetProperty("rowsWritten").GetInt32()));
        Assert.True(job.GetProperty("report").GetProperty("committed").GetBoolean());
        await using var db = api.NewDb();
        Assert.Equal(2, await db.Stations.CountAsync(s => s.Code.StartsWith("JOB-")));
    }

    [Fact]
    public async Task A_cancelled_job_stores_nothing_and_a_finished_one_cannot_be_cancelled()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        await using var db = api.NewDb();
        var before = await FingerprintAsync(db);
        var rows = Enumerable.Range(0, 1200).Select(i => Row($"STOP-{i}", $"八十{i}号驿站", i % 40, lat: 39.95 + i / 40 * 0.0012));
        var accepted = await client.PostJobAsync(Csv([.. rows]), "coordsys=wgs84&dryRun=false");
        var location = accepted.Headers.Location!.ToString();
        var cancel = await client.DeleteAsync(location);
        var job = await client.WaitForJobAsync(location);
        if (cancel.StatusCode == HttpStatusCode.Accepted)
        {
            Assert.Equal("cancelled", job.GetProperty("status").GetString());
            Assert.Equal(ImportProblem.Cancelled, job.GetProperty("report").GetProperty("errors")[0].GetProperty("code").GetString());
            Assert.Equal(before, await FingerprintAsync(db));
            Assert.False(await db.Stations.AnyAsync(s => s.Code.StartsWith("STOP-")));
        }
        else Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode); // it finished first: then it may not be cancelled

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync(location)).StatusCode);
    }

    [Fact]
    public async Task Jobs_a_crash_left_unfinished_are_marked_failed_with_nothing_stored()
    {
        await using var db = api.NewDb();
        var job = new ImportJob { Actor = "crash-test", OrgAdcode = "110000", FileName = "left.csv", Sha256 = new string('0', 64), Status = ImportStatus.Running, CreatedAt = DateTimeOffset.UtcNow };
        db.Set<ImportJob>().Add(job);
        await db.SaveChangesAsync();

        Assert.Equal(1, await new ImportJobStore(db).FailInterruptedAsync(default));
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var resource = await client.WaitForJobAsync($"/api/v1/imports/{job.Id}");
        Assert.Equal("failed", resource.GetProperty("status").GetString());
        Assert.Equal(503, resource.GetProperty("problem").GetProperty("status").GetInt32());
        Assert.Contains("nothing was stored", resource.GetProperty("report").GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
