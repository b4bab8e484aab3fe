using System.Net;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Auth;

public class ScopeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Writing_without_a_key_gets_401()
    {
        var response = await api.Anonymous().PostJsonAsync("/api/v1/stations", SampleInputs.Haidian());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("staff key required", (await response.JsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_or_revoked_key_gets_401()
    {
        var key = await api.CreateKeyAsync(StaffRole.Editor, "110108");
        await using (var db = api.NewDb())
            Assert.True(await new StaffKeyStore(db).RevokeAsync(KeyHasher.DisplayPrefix(key), "test"));
        var client = api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian())).StatusCode);
    }

    [Fact]
    public async Task Viewer_cannot_write()
    {
        var viewer = await api.StaffAsync(StaffRole.Viewer, "110000");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian())).StatusCode);
    }

    [Fact]
    public async Task Haidian_editor_cannot_create_or_change_a_station_in_another_district()
    {
        var haidian = await api.StaffAsync(StaffRole.Editor, "110108");
        var dongcheng = SampleInputs.Haidian("BJ-SCOPE-1") with { Adcode = "110101", Address = "北京市东城区王府井大街1号" };
        var denied = await haidian.PostJsonAsync("/api/v1/stations", dongcheng);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("110101", (await denied.JsonAsync()).GetProperty("detail").GetString());

        var city = await api.StaffAsync(StaffRole.Editor, "110000");
        Assert.Equal(HttpStatusCode.Created, (await city.PostJsonAsync("/api/v1/stations", dongcheng)).StatusCode);
        var change = await haidian.PutJsonAsync("/api/v1/stations/BJ-SCOPE-1", dongcheng with { Name = "越权修改", Version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await haidian.DeleteAsync("/api/v1/stations/BJ-SCOPE-1")).StatusCode);
    }

    [Fact]
    public async Task Editor_cannot_move_a_station_out_of_their_area()
    {
        var haidian = await api.StaffAsync(StaffRole.Editor, "110108");
        await haidian.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-SCOPE-2"));
        var move = await haidian.PutJsonAsync("/api/v1/stations/BJ-SCOPE-2", SampleInputs.Haidian() with { Adcode = "110105", Version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
    }

    [Fact]
    public async Task Not_public_station_is_hidden_from_anonymous_readers_but_visible_to_staff()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-SCOPE-3") with { IsPublic = false });
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/api/v1/stations/BJ-SCOPE-3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/stations/BJ-SCOPE-3")).StatusCode);
    }
}
