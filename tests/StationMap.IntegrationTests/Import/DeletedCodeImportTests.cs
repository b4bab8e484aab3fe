using System.Net;
using System.Text.Json;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

/// <summary>A file row with a deleted station's code is refused with the way back: restore, then import again.</summary>
public class DeletedCodeImportTests(ImportApiFixture api) : IClassFixture<ImportApiFixture>
{
    private static async Task<JsonElement> ReportAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.JsonAsync();
    }

    [Fact]
    public async Task A_deleted_code_names_the_restore_action_and_imports_again_once_restored()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var first = await ReportAsync(await editor.UploadAsync(Csv(Row("DEL-IMP-1", "一号驿站", 1)), "coordsys=wgs84&dryRun=false"));
        Assert.True(first.GetProperty("committed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await editor.DeleteAsync("/api/v1/stations/DEL-IMP-1?version=1")).StatusCode);

        var refused = await ReportAsync(await editor.UploadAsync(Csv(Row("DEL-IMP-1", "一号驿站改名", 1)), "coordsys=wgs84"));
        var error = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Equal("code_deleted", error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString();
        Assert.Contains("POST /api/v1/stations/DEL-IMP-1/restore", message);
        Assert.Contains("恢复", message);

        var restore = await editor.PostAsync("/api/v1/stations/DEL-IMP-1/restore?version=2", null);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        var again = await ReportAsync(await editor.UploadAsync(Csv(Row("DEL-IMP-1", "一号驿站改名", 1)), "coordsys=wgs84&dryRun=false"));
        Assert.True(again.GetProperty("committed").GetBoolean());
        Assert.Equal(1, again.GetProperty("counts").GetProperty("updated").GetInt32());
        var s = await (await api.Anonymous().GetAsync("/api/v1/stations/DEL-IMP-1")).JsonAsync();
        Assert.Equal("一号驿站改名", s.GetProperty("name").GetString());
    }
}
