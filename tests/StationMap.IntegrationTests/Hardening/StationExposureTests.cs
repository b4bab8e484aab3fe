using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Hardening;

/// <summary>
/// Least exposure: anonymous reads carry no actor (a key's label and prefix), notes or managing organisation, and no
/// non-public station; staff see internal fields and non-public stations of their own area only.
/// </summary>
public sealed class StationExposureTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private static readonly string[] Internal = ["createdBy", "updatedBy", "notes", "managingOrgId"];

    public async Task InitializeAsync()
    {
        var haidian = await api.StaffAsync(StaffRole.Editor, "110108");
        var dongcheng = await api.StaffAsync(StaffRole.Editor, "110101");
        await haidian.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("EXP-HD-PUB"));
        await haidian.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("EXP-HD-INT") with { IsPublic = false, Notes = "内部：钥匙在门卫" });
        await dongcheng.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("EXP-DC-INT") with
            { Adcode = "110101", Lng = 116.4103, Lat = 39.9163, IsPublic = false, Notes = "内部：东城备注" });
        await dongcheng.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("EXP-DC-PUB") with { Adcode = "110101", Lng = 116.4103, Lat = 39.9163 });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static void AssertPublicOnly(JsonElement station)
    {
        foreach (var name in Internal) Assert.False(station.TryGetProperty(name, out _), $"{name} must not be public: {station}");
        Assert.DoesNotContain("smk_", station.GetRawText());
        Assert.DoesNotContain("test Editor", station.GetRawText());
    }

    [Fact]
    public async Task Anonymous_get_and_list_show_public_fields_of_public_stations_only()
    {
        var anonymous = api.Anonymous();
        var one = await anonymous.GetAsync("/api/v1/stations/EXP-HD-PUB");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        AssertPublicOnly(await one.JsonAsync());

        var list = await (await anonymous.GetAsync("/api/v1/stations?q=中关村&pageSize=100")).JsonAsync();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(items, s => s.GetProperty("code").GetString()!.EndsWith("-INT"));
        Assert.Contains(items, s => s.GetProperty("code").GetString() == "EXP-HD-PUB");
        items.ForEach(AssertPublicOnly);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/stations/EXP-HD-INT")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_reads_its_own_areas_internal_station_with_notes_and_history()
    {
        var viewer = await api.StaffAsync(StaffRole.Viewer, "110108");
        var s = await (await viewer.GetAsync("/api/v1/stations/EXP-HD-INT")).JsonAsync();
        Assert.Equal("内部：钥匙在门卫", s.GetProperty("notes").GetString());
        Assert.Contains("test Editor 110108", s.GetProperty("createdBy").GetString());
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/stations/EXP-HD-INT/history")).StatusCode);
    }

    /// <summary>
    /// 404, not 403, for another area's non-public station and its history: the answer is the same as for a code that
    /// does not exist, so a key cannot even learn which internal stations other districts keep. A listed (public)
    /// station's history outside the area is 403: that the station exists is public, its history is not.
    /// </summary>
    [Fact]
    public async Task A_viewer_of_110108_cannot_read_110101s_internal_station_or_any_of_its_history()
    {
        var viewer = await api.StaffAsync(StaffRole.Viewer, "110108");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/stations/EXP-DC-INT")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/stations/EXP-DC-INT/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/stations/EXP-DC-PUB/history")).StatusCode);

        var other = await (await viewer.GetAsync("/api/v1/stations/EXP-DC-PUB")).JsonAsync();
        AssertPublicOnly(other);

        var list = (await (await viewer.GetAsync("/api/v1/stations?pageSize=100")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["EXP-DC-PUB", "EXP-HD-INT", "EXP-HD-PUB"], list.Select(x => x.GetProperty("code").GetString()).Where(c => c!.StartsWith("EXP-")).Order());
        AssertPublicOnly(list.Single(x => x.GetProperty("code").GetString() == "EXP-DC-PUB"));
        Assert.Equal("内部：钥匙在门卫", list.Single(x => x.GetProperty("code").GetString() == "EXP-HD-INT").GetProperty("notes").GetString());
    }

    [Fact]
    public async Task A_city_wide_viewer_sees_both_districts()
    {
        var city = await api.StaffAsync(StaffRole.Viewer, "110000");
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/v1/stations/EXP-DC-INT")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/v1/stations/EXP-DC-INT/history")).StatusCode);
    }

    /// <summary>
    /// Writes tell no more than reads: changing or deleting another area's non-public station answers the 404 of a
    /// missing code (not the 403 that names its district), and leaves the station and the audit log untouched. A
    /// listed station outside the area stays 403: its existence and district are public.
    /// </summary>
    [Fact]
    public async Task An_editor_of_110108_changing_or_deleting_110101s_internal_station_gets_the_404_of_a_missing_code()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var change = SampleInputs.Haidian() with { Adcode = "110101", Lng = 116.4103, Lat = 39.9163, Version = 1 };
        foreach (var (code, expected) in new[] { ("EXP-DC-INT", HttpStatusCode.NotFound), ("EXP-NO-SUCH", HttpStatusCode.NotFound), ("EXP-DC-PUB", HttpStatusCode.Forbidden) })
        {
            var put = await editor.PutJsonAsync($"/api/v1/stations/{code}", change);
            var delete = await editor.DeleteAsync($"/api/v1/stations/{code}?version=1");
            Assert.Equal((expected, expected), (put.StatusCode, delete.StatusCode));
            if (expected == HttpStatusCode.NotFound)
                Assert.DoesNotContain("110101", await put.Content.ReadAsStringAsync() + await delete.Content.ReadAsStringAsync());
        }
        await using var db = api.NewDb();
        Assert.Equal(["station.created"], await db.Audit.Where(a => a.Subject == "EXP-DC-INT").Select(a => a.Action).ToListAsync());
        var city = await api.StaffAsync(StaffRole.Viewer, "110000");
        Assert.Equal(1, (await (await city.GetAsync("/api/v1/stations/EXP-DC-INT")).JsonAsync()).GetProperty("version").GetInt32());
    }
}
