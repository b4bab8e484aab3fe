using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Stations;

/// <summary>
/// A station's ETag is its version, per view: <c>"N"</c> for the full record its area's staff read and write back as
/// If-Match, <c>"N-public"</c> for the public view. GET revalidates with If-None-Match (304); every write answers
/// the new tag.
/// </summary>
public class StationConditionalRequestTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static HttpRequestMessage Get(string url, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return request;
    }

    [Fact]
    public async Task Writes_answer_the_new_versions_tag_and_get_answers_304_while_it_is_current()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var created = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-CR-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag!.ToString());

        var unchanged = await editor.SendAsync(Get("/api/v1/stations/BJ-CR-1", "\"1\""));
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal("\"1\"", unchanged.Headers.ETag!.ToString());
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        // Weak comparison for GET, and a list of tags, as caches send them.
        Assert.Equal(HttpStatusCode.NotModified, (await editor.SendAsync(Get("/api/v1/stations/BJ-CR-1", "\"0\", W/\"1\""))).StatusCode);

        var put = await editor.PutJsonAsync("/api/v1/stations/BJ-CR-1", SampleInputs.Haidian("BJ-CR-1") with { Phone = "010-62598888", Version = 1 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("\"2\"", put.Headers.ETag!.ToString());

        var changed = await editor.SendAsync(Get("/api/v1/stations/BJ-CR-1", "\"1\""));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"2\"", changed.Headers.ETag!.ToString());
        Assert.Equal("010-62598888", (await changed.JsonAsync()).GetProperty("phone").GetString());
    }

    [Fact]
    public async Task The_public_view_has_its_own_tag_so_no_cache_serves_it_to_staff_or_the_staff_record_to_anyone()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var otherArea = await api.StaffAsync(StaffRole.Viewer, "110101");
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-CR-2") with { Notes = "钥匙在门卫" })).StatusCode);

        var staff = await editor.GetAsync("/api/v1/stations/BJ-CR-2");
        var anonymous = await api.Anonymous().GetAsync("/api/v1/stations/BJ-CR-2");
        var outside = await otherArea.GetAsync("/api/v1/stations/BJ-CR-2");
        Assert.Equal("\"1\"", staff.Headers.ETag!.ToString());
        Assert.Equal("\"1-public\"", anonymous.Headers.ETag!.ToString());
        Assert.Equal("\"1-public\"", outside.Headers.ETag!.ToString()); // staff of another area read the public view
        Assert.Contains("Authorization", staff.Headers.Vary);
        Assert.Contains("Authorization", anonymous.Headers.Vary);
        Assert.Contains("X-Api-Key", anonymous.Headers.Vary); // the other header a key may come in
        var list = await api.Anonymous().GetAsync("/api/v1/stations?q=BJ-CR-2");
        Assert.Contains("Authorization", list.Headers.Vary);
        Assert.Null(list.Headers.ETag);
        Assert.True(staff.Headers.CacheControl!.Private, "the staff record stays in the reader's own cache");
        Assert.True(anonymous.Headers.CacheControl!.NoCache);

        // The public tag does not revalidate the staff record (which holds the notes), nor the other way round.
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(Get("/api/v1/stations/BJ-CR-2", "\"1-public\""))).StatusCode);
        var notRevalidated = await api.Anonymous().SendAsync(Get("/api/v1/stations/BJ-CR-2", "\"1\""));
        Assert.Equal(HttpStatusCode.OK, notRevalidated.StatusCode);
        Assert.DoesNotContain("钥匙在门卫", await notRevalidated.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, (await api.Anonymous().SendAsync(Get("/api/v1/stations/BJ-CR-2", "\"1-public\""))).StatusCode);
    }

    [Fact]
    public async Task A_stale_if_match_is_a_conflict_and_delete_and_restore_answer_their_versions_tags()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-CR-3"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PutJsonAsync("/api/v1/stations/BJ-CR-3", SampleInputs.Haidian("BJ-CR-3") with { Version = 1 })).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/stations/BJ-CR-3")
        {
            Content = JsonContent.Create(SampleInputs.Haidian("BJ-CR-3") with { Version = null }, options: HttpJson.Options),
        };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var conflict = await editor.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Null(conflict.Headers.ETag);

        var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/stations/BJ-CR-3");
        delete.Headers.IfMatch.Add(new EntityTagHeaderValue("\"2\""));
        var deleted = await editor.SendAsync(delete);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("\"3\"", deleted.Headers.ETag!.ToString());

        // The delete's tag is what restore takes as If-Match.
        var restore = new HttpRequestMessage(HttpMethod.Post, "/api/v1/stations/BJ-CR-3/restore");
        restore.Headers.IfMatch.Add(deleted.Headers.ETag!);
        var restored = await editor.SendAsync(restore);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("\"4\"", restored.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task The_public_tag_names_the_same_version_as_if_match()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        Assert.Equal(HttpStatusCode.Created, (await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-CR-4"))).StatusCode);
        var publicTag = (await api.Anonymous().GetAsync("/api/v1/stations/BJ-CR-4")).Headers.ETag!;

        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/stations/BJ-CR-4")
        {
            Content = JsonContent.Create(SampleInputs.Haidian("BJ-CR-4") with { Version = null }, options: HttpJson.Options),
        };
        put.Headers.IfMatch.Add(publicTag);
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(put)).StatusCode);
    }
}
