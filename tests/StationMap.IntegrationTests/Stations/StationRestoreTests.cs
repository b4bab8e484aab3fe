using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Stations;

/// <summary>POST /api/v1/stations/{code}/restore: a soft-deleted station comes back under its code, everywhere.</summary>
public class StationRestoreTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>A Haidian station at its own spot (Xibeiwang), so nearest and tiles can tell it from the other tests' stations.</summary>
    private static StationMap.Stations.StationInput AtOwnSpot(string code, double lng, double lat) =>
        SampleInputs.Haidian(code) with { Lng = lng, Lat = lat };

    private static async Task<HttpResponseMessage> RestoreAsync(HttpClient client, string code, string query = "", string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/stations/{code}/restore{query}");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private async Task<HttpClient> CreatedAndDeletedAsync(string code, double lng = 116.2601, double lat = 40.0502)
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", AtOwnSpot(code, lng, lat))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.DeleteAsync($"/api/v1/stations/{code}?version=1&reason=误删")).StatusCode);
        return editor;
    }

    [Fact]
    public async Task Restore_brings_the_station_back_with_a_new_version_history_audit_and_in_lists_nearest_and_tiles()
    {
        const double lng = 116.2421, lat = 40.0633;
        var editor = await CreatedAndDeletedAsync("RST-1", lng, lat);
        var anonymous = api.Anonymous();
        Assert.True(await EventuallyAsync(async () => await NearestCodeAsync(anonymous, lng, lat) != "RST-1"), "the deleted station is still served by nearest");
        var (x, y) = TileOf(lng, lat, 15);
        var tile = $"/tiles/stations/15/{x}/{y}.mvt";
        Assert.True(await EventuallyAsync(async () => !TileHas(await anonymous.GetByteArrayAsync(tile), "RST-1")), "the deleted station is still in its tile");

        var restored = await RestoreAsync(editor, "RST-1", "?version=2&reason=误删恢复");
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var body = await restored.JsonAsync();
        Assert.Equal(3, body.GetProperty("version").GetInt32());
        Assert.Equal("中关村街道工会户外劳动者服务站点", body.GetProperty("name").GetString());

        var read = await anonymous.GetAsync("/api/v1/stations/RST-1");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var list = await (await anonymous.GetAsync("/api/v1/stations?q=RST-1")).JsonAsync();
        Assert.Equal(["RST-1"], list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString()));

        var history = await (await editor.GetAsync("/api/v1/stations/RST-1/history")).JsonAsync();
        Assert.Equal(["created", "deleted", "restored"], history.EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal([1, 2, 3], history.EnumerateArray().Select(h => h.GetProperty("version").GetInt32()));
        Assert.Equal("误删恢复", history[2].GetProperty("reason").GetString());
        Assert.Contains("test Editor 110108", history[2].GetProperty("changedBy").GetString());
        Assert.Equal(JsonValueKind.Null, history[2].GetProperty("station").GetProperty("deletedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, history[1].GetProperty("station").GetProperty("deletedAt").ValueKind);

        await using (var db = api.NewDb())
        {
            var audited = await db.Audit.Where(a => a.Subject == "RST-1").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["station.created", "station.deleted", "station.restored"], audited);
            var row = await db.Stations.SingleAsync(s => s.Code == "RST-1");
            Assert.Null(row.DeletedBy);
        }

        Assert.True(await EventuallyAsync(async () => await NearestCodeAsync(anonymous, lng, lat) == "RST-1"), "the restored station never came back to nearest");
        Assert.True(await EventuallyAsync(async () => TileHas(await anonymous.GetByteArrayAsync(tile), "RST-1")),
            "the restored station never came back to its tile");
    }

    [Fact]
    public async Task Restoring_a_station_that_is_not_deleted_is_409_and_an_unknown_code_is_404()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        await editor.PostJsonAsync("/api/v1/stations", AtOwnSpot("RST-2", 116.2602, 40.0503));

        var live = await RestoreAsync(editor, "RST-2", "?version=1");
        Assert.Equal(HttpStatusCode.Conflict, live.StatusCode);
        var problem = await live.JsonAsync();
        Assert.Contains("未被删除", problem.GetProperty("title").GetString() + problem.GetProperty("detail").GetString());
        Assert.Contains("not deleted", problem.GetProperty("detail").GetString());
        Assert.Equal(1, problem.GetProperty("current").GetProperty("version").GetInt32());

        var unknown = await RestoreAsync(editor, "RST-NOPE", "?version=1");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("station not found", (await unknown.JsonAsync()).GetProperty("title").GetString());

        await using var db = api.NewDb();
        Assert.Equal(1, await db.StationHistory.CountAsync(h => h.Code == "RST-2"));
    }

    [Fact]
    public async Task Restore_outside_the_key_area_answers_like_delete_and_a_viewer_may_not_restore()
    {
        await CreatedAndDeletedAsync("RST-3", 116.2603, 40.0504);
        var chaoyang = await api.StaffAsync(StaffRole.Editor, "110105");
        // A deleted station of another area is internal, as DELETE and history answer it.
        Assert.Equal(HttpStatusCode.NotFound, (await RestoreAsync(chaoyang, "RST-3", "?version=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chaoyang.DeleteAsync("/api/v1/stations/RST-3?version=2")).StatusCode);

        var haidian = await api.StaffAsync(StaffRole.Editor, "110108");
        await haidian.PostJsonAsync("/api/v1/stations", AtOwnSpot("RST-4", 116.2604, 40.0505));
        var live = await RestoreAsync(chaoyang, "RST-4", "?version=1");
        Assert.Equal(HttpStatusCode.Forbidden, live.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chaoyang.DeleteAsync("/api/v1/stations/RST-4?version=1")).StatusCode);
        Assert.Contains("110108", (await live.JsonAsync()).GetProperty("detail").GetString());

        var viewer = await api.StaffAsync(StaffRole.Viewer, "110108");
        Assert.Equal(HttpStatusCode.Forbidden, (await RestoreAsync(viewer, "RST-3", "?version=2")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RestoreAsync(api.Anonymous(), "RST-3", "?version=2")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/api/v1/stations/RST-3")).StatusCode);
        await using var db = api.NewDb();
        Assert.Equal(2, await db.StationHistory.CountAsync(h => h.Code == "RST-3"));
    }

    [Fact]
    public async Task Restore_needs_the_version_the_delete_left_as_a_parameter_or_if_match()
    {
        var editor = await CreatedAndDeletedAsync("RST-5", 116.2605, 40.0506);

        var stale = await RestoreAsync(editor, "RST-5", ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.JsonAsync();
        Assert.Contains("version conflict", problem.GetProperty("detail").GetString());
        Assert.Equal(2, problem.GetProperty("current").GetProperty("version").GetInt32());

        var missing = await RestoreAsync(editor, "RST-5");
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Contains("version", (await missing.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/api/v1/stations/RST-5")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RestoreAsync(editor, "RST-5", ifMatch: "W/\"2\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/api/v1/stations/RST-5")).StatusCode);
    }

    [Fact]
    public async Task Openapi_lists_restore_with_its_answers()
    {
        using var doc = JsonDocument.Parse(await (await api.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        var post = doc.RootElement.GetProperty("paths").GetProperty("/api/v1/stations/{code}/restore").GetProperty("post");
        var answers = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "200", "400", "403", "404", "409", "428" }, answers);
    }

    private static async Task<string?> NearestCodeAsync(HttpClient client, double lng, double lat)
    {
        var body = await (await client.GetAsync($"/api/v1/stations/nearest?lng={lng}&lat={lat}&limit=1")).JsonAsync();
        var results = body.GetProperty("results");
        return results.GetArrayLength() == 0 ? null : results[0].GetProperty("code").GetString();
    }

    /// <summary>The index and the tile cache follow the station-change notification: poll, bounded.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>MVT keeps property values as UTF-8 strings: the code's bytes are in the tile when its point is.</summary>
    private static bool TileHas(byte[] tile, string code) => tile.AsSpan().IndexOf(Encoding.UTF8.GetBytes(code)) >= 0;

    private static (int X, int Y) TileOf(double lng, double lat, int z)
    {
        var n = 1 << z;
        var rad = lat * Math.PI / 180;
        return ((int)Math.Floor((lng + 180) / 360 * n), (int)Math.Floor((1 - Math.Asinh(Math.Tan(rad)) / Math.PI) / 2 * n));
    }

    // Restore tells no more than PUT and DELETE about another area's hidden station: the 404 of a missing code, no
    // district (it answered 403 naming 110101).
    [Fact]
    public async Task Restore_of_another_areas_hidden_live_station_is_the_404_of_a_missing_code()
    {
        var dongcheng = await api.StaffAsync(StaffRole.Editor, "110101");
        Assert.Equal(HttpStatusCode.Created, (await dongcheng.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("RS-DC-HIDDEN") with
            { Adcode = "110101", Lng = 116.4103, Lat = 39.9163, IsPublic = false })).StatusCode);

        var haidian = await api.StaffAsync(StaffRole.Editor, "110108");
        Assert.Equal(HttpStatusCode.NotFound, (await haidian.DeleteAsync("/api/v1/stations/RS-DC-HIDDEN?version=1")).StatusCode);
        var restore = await haidian.PostAsync("/api/v1/stations/RS-DC-HIDDEN/restore?version=1", null);
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        Assert.DoesNotContain("110101", await restore.Content.ReadAsStringAsync());
    }
}
