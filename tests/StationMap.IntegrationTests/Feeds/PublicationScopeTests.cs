using System.Net;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Feeds;

/// <summary>Whether a non-public station of another area exists is internal to that area.</summary>
public class PublicationScopeTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    // A publisher of another district must not learn that a hidden station exists, nor its district: the write answers 404 as for a missing code, like GET /stations/{code} does.
    [Fact]
    public async Task Setting_the_publication_of_a_hidden_station_in_another_area_answers_like_a_missing_one()
    {
        var admin = await api.StaffAsync(StaffRole.Admin, "110000");
        var created = await admin.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("REV-PUB-1") with
        {
            Address = "北京市朝阳区和平街街道和平路127号", Adcode = "110105", Lng = 116.4565655, Lat = 39.9527902, IsPublic = false,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var haidian = await api.StaffAsync(StaffRole.Publisher, "110108");
        Assert.Equal(HttpStatusCode.NotFound, (await haidian.GetAsync("/api/v1/stations/REV-PUB-1")).StatusCode);
        var hidden = await haidian.PutJsonAsync("/api/v1/publication/REV-PUB-1/amap", new { state = "online" });
        var missing = await haidian.PutJsonAsync("/api/v1/publication/REV-NO-SUCH/amap", new { state = "online" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("110105", await hidden.Content.ReadAsStringAsync());
        // The same answer word for word, but for the code it echoes.
        static async Task<string> Said(HttpResponseMessage r, string code)
        {
            var p = await r.JsonAsync();
            return $"{p.GetProperty("title")} {p.GetProperty("detail")}".Replace(code, "CODE");
        }
        Assert.Equal(await Said(missing, "REV-NO-SUCH"), await Said(hidden, "REV-PUB-1"));

        // Refused writes change nothing and leave no audit row; the managing area still sets it (audited).
        Assert.Null(await api.RecordAsync("REV-PUB-1", "amap"));
        var chaoyang = await api.StaffAsync(StaffRole.Publisher, "110105");
        Assert.Equal(HttpStatusCode.OK, (await chaoyang.PutJsonAsync("/api/v1/publication/REV-PUB-1/amap", new { state = "online" })).StatusCode);
        await using var db = api.NewDb();
        var audited = await db.Audit.Where(a => a.Subject == "REV-PUB-1:amap").Select(a => a.Actor).ToListAsync();
        Assert.Contains("Publisher 110105", Assert.Single(audited));
    }

    // A listed (public) station's existence and district are public: outside the area it stays 403, which says whose it is.
    [Fact]
    public async Task A_public_station_of_another_area_still_answers_forbidden()
    {
        await api.CreateAsync("REV-PUB-2", "110105");
        var haidian = await api.StaffAsync(StaffRole.Publisher, "110108");
        var put = await haidian.PutJsonAsync("/api/v1/publication/REV-PUB-2/amap", new { state = "online" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Null(await api.RecordAsync("REV-PUB-2", "amap"));
    }
}
