using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>Issue 17 item 8: a file carrying each station's 版本 does not silently revert a later hand edit.</summary>
public class OverwriteProtectionTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private const string VersionedHeader = Header + ",版本";

    private static byte[] Versioned(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [VersionedHeader, .. rows]) + "\n");

    private static async Task<JsonElement> ReportAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.JsonAsync();
    }

    private static IEnumerable<string?> Codes(JsonElement report, string list) =>
        report.GetProperty(list).EnumerateArray().Select(p => p.GetProperty("code").GetString());

    /// <summary>Imports the station (version 1), then a colleague renames it by hand through the API (version 2).</summary>
    private async Task<(HttpClient Importer, string HandActor)> ImportedThenEditedAsync(string code, int n)
    {
        var importer = await api.StaffAsync(StaffRole.Editor, "110000");
        var first = await ReportAsync(await importer.UploadAsync(Csv(Row(code, "原名驿站", n)), "coordsys=wgs84&dryRun=false"));
        Assert.True(first.GetProperty("committed").GetBoolean());
        await HandEditAsync(code, 1);
        await using var db = api.NewDb();
        return (importer, (await db.Stations.SingleAsync(s => s.Code == code)).UpdatedBy);
    }

    private async Task HandEditAsync(string code, int version)
    {
        var colleague = await api.StaffAsync(StaffRole.Editor, "110108");
        var put = await colleague.PutJsonAsync($"/api/v1/stations/{code}", SampleInputs.Haidian() with { Name = "手工改名驿站", Version = version });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    private async Task<string> StoredNameAsync(string code)
    {
        await using var db = api.NewDb();
        return (await db.Stations.SingleAsync(s => s.Code == code)).Name;
    }

    [Fact]
    public async Task An_old_file_after_a_hand_edit_is_a_conflict_and_is_written_only_when_the_user_confirms()
    {
        var (importer, handActor) = await ImportedThenEditedAsync("OW-1", 1);
        var oldFile = Versioned(Row("OW-1", "原名驿站", 1, phone: "010-62560000") + ",1");

        var dry = await ReportAsync(await importer.UploadAsync(oldFile, "coordsys=wgs84"));
        var conflict = Assert.Single(dry.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(("OW-1", 2, 1, 2), (conflict.GetProperty("code").GetString(), conflict.GetProperty("row").GetInt32(),
            conflict.GetProperty("fileVersion").GetInt32(), conflict.GetProperty("storedVersion").GetInt32()));
        Assert.Equal(handActor, conflict.GetProperty("changedBy").GetString());
        Assert.NotEqual(JsonValueKind.Null, conflict.GetProperty("changedAt").ValueKind);
        Assert.Contains("name", conflict.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.False(conflict.GetProperty("overwritten").GetBoolean());
        Assert.Contains("version_conflict", Codes(dry, "errors"));

        // All or nothing: the commit is refused and the hand edit stays.
        var refused = await ReportAsync(await importer.UploadAsync(oldFile, "coordsys=wgs84&dryRun=false"));
        Assert.False(refused.GetProperty("committed").GetBoolean());
        Assert.Equal("手工改名驿站", await StoredNameAsync("OW-1"));

        // skipInvalid writes the other rows and skips the conflicting one.
        var skipped = await ReportAsync(await importer.UploadAsync(
            Versioned(Row("OW-1", "原名驿站", 1, phone: "010-62560000") + ",1", Row("OW-1B", "另一驿站", 40) + ","), "coordsys=wgs84&dryRun=false&skipInvalid=true"));
        Assert.True(skipped.GetProperty("committed").GetBoolean());
        Assert.Equal((1, 1), (skipped.GetProperty("counts").GetProperty("inserted").GetInt32(), skipped.GetProperty("counts").GetProperty("rejected").GetInt32()));
        Assert.Equal("手工改名驿站", await StoredNameAsync("OW-1"));

        var confirmed = await ReportAsync(await importer.UploadAsync(oldFile, "coordsys=wgs84&dryRun=false&overwriteNewer=true"));
        Assert.True(confirmed.GetProperty("committed").GetBoolean());
        Assert.True(Assert.Single(confirmed.GetProperty("conflicts").EnumerateArray()).GetProperty("overwritten").GetBoolean());
        Assert.Contains("version_conflict", Codes(confirmed, "warnings"));
        Assert.Equal("原名驿站", await StoredNameAsync("OW-1"));
    }

    [Fact]
    public async Task An_edit_made_between_the_dry_run_and_the_commit_is_caught_by_the_commit()
    {
        var importer = await api.StaffAsync(StaffRole.Editor, "110000");
        Assert.True((await ReportAsync(await importer.UploadAsync(Csv(Row("OW-2", "原名驿站", 2)), "coordsys=wgs84&dryRun=false"))).GetProperty("committed").GetBoolean());
        var file = Versioned(Row("OW-2", "原名驿站", 2, phone: "010-62560000") + ",1");
        var dry = await ReportAsync(await importer.UploadAsync(file, "coordsys=wgs84"));
        Assert.Empty(dry.GetProperty("conflicts").EnumerateArray());
        Assert.Empty(dry.GetProperty("errors").EnumerateArray());

        await HandEditAsync("OW-2", 1);
        var commit = await ReportAsync(await importer.UploadAsync(file, "coordsys=wgs84&dryRun=false"));
        Assert.False(commit.GetProperty("committed").GetBoolean());
        Assert.Equal("OW-2", Assert.Single(commit.GetProperty("conflicts").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("手工改名驿站", await StoredNameAsync("OW-2"));
    }

    [Fact]
    public async Task A_row_without_a_version_that_changes_a_hand_edited_station_is_a_warning()
    {
        var (importer, handActor) = await ImportedThenEditedAsync("OW-3", 3);
        var dry = await ReportAsync(await importer.UploadAsync(Csv(Row("OW-3", "原名驿站", 3)), "coordsys=wgs84"));
        var warning = Assert.Single(dry.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "hand_edited");
        Assert.Equal(2, warning.GetProperty("row").GetInt32());
        Assert.Contains(handActor, warning.GetProperty("message").GetString());
        Assert.Empty(dry.GetProperty("errors").EnumerateArray());

        // Once an import has written it, the station's last change is an import again: no warning.
        Assert.True((await ReportAsync(await importer.UploadAsync(Csv(Row("OW-3", "原名驿站", 3)), "coordsys=wgs84&dryRun=false"))).GetProperty("committed").GetBoolean());
        var again = await ReportAsync(await importer.UploadAsync(Csv(Row("OW-3", "再改名驿站", 3)), "coordsys=wgs84"));
        Assert.DoesNotContain("hand_edited", Codes(again, "warnings"));
    }

    [Fact]
    public async Task The_template_and_the_error_workbook_carry_the_version_column()
    {
        var client = await api.StaffAsync(StaffRole.Editor, "110000");
        var template = await client.GetByteArrayAsync("/api/v1/imports/template.xlsx");
        var headers = Workbooks.Headers(template, "站点");
        Assert.Equal(["站点编码", "版本"], headers.Take(2));

        // A station at version 2, and a fixed file that lacks 版本: the error workbook adds it with the stored version.
        await ImportedThenEditedAsync("OW-4", 4);
        var bad = await ReportAsync(await client.UploadAsync(Csv(Row("OW-4", "原名驿站", 4, adcode: "999999"), Row("OW-4N", "新驿站", 44, adcode: "999999")), "coordsys=wgs84&dryRun=false&skipInvalid=true"));
        var rows = await ErrorRowsAsync(client, bad.GetProperty("jobId").GetInt64());
        Assert.Equal(["2", null], rows.Select(r => r["版本"]?.ToString()));

        // A version that is not a whole number rejects the row, naming the column.
        var invalid = await ReportAsync(await client.UploadAsync(Versioned(Row("OW-4", "原名驿站", 4) + ",第二版"), "coordsys=wgs84"));
        var problem = Assert.Single(invalid.GetProperty("errors").EnumerateArray());
        Assert.Equal(("version_invalid", "版本"), (problem.GetProperty("code").GetString(), problem.GetProperty("column").GetString()));

        // A file with 版本 keeps its own values (the version the user worked from).
        var own = await ReportAsync(await client.UploadAsync(Versioned(Row("OW-4", "原名驿站", 4, adcode: "999999") + ",1"), "coordsys=wgs84&dryRun=false&skipInvalid=true"));
        Assert.Equal("1", Assert.Single(await ErrorRowsAsync(client, own.GetProperty("jobId").GetInt64()))["版本"]?.ToString());
    }

    [Fact]
    public async Task The_poi_sheet_export_carries_each_stations_version()
    {
        await ImportedThenEditedAsync("OW-5", 5);
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110108");
        var export = await publisher.PostJsonAsync("/api/v1/exports", new { profile = "poi-sheet-amap", adcode = "110108", kind = "full" });
        Assert.Equal(HttpStatusCode.Created, export.StatusCode);
        var file = (await export.JsonAsync()).GetProperty("files").EnumerateArray().Single();
        var bytes = await publisher.GetByteArrayAsync(file.GetProperty("url").GetString());
        var row = Workbooks.Rows(bytes).Single(r => r["站点编码"] == "OW-5");
        Assert.Equal("2", row["版本"]?.ToString());
    }

    private static async Task<List<Dictionary<string, string?>>> ErrorRowsAsync(HttpClient client, long job)
    {
        var xlsx = await client.GetAsync($"/api/v1/imports/{job}/errors.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        return Workbooks.Rows(await xlsx.Content.ReadAsByteArrayAsync());
    }
}
