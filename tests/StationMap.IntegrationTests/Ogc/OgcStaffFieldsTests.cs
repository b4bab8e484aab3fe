using System.Net;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Ogc;

/// <summary>Internal fields in OGC API – Features follow the same rule as the station API: only the managing area reads them.</summary>
public class OgcStaffFieldsTests(OgcServerFixture api) : IClassFixture<OgcServerFixture>
{
    private static async Task CreateChaoyangStationAsync(OgcServerFixture api, string code)
    {
        var admin = await api.StaffClientAsync(StaffRole.Admin, "110000");
        var created = await admin.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian(code) with
        {
            Address = "北京市朝阳区和平街街道和平路127号", Adcode = "110105", Lng = 116.4565655, Lat = 39.9527902,
            Notes = "朝阳内部备注：钥匙在保安室",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    // A Haidian key must not read a Chaoyang station's notes, actors or managing org through /ogc when /api/v1/stations hides them: one key, one rule.
    [Fact]
    public async Task A_haidian_key_does_not_read_the_notes_of_a_chaoyang_station_through_ogc()
    {
        await CreateChaoyangStationAsync(api, "REV-OGC-1");
        var haidian = await api.StaffClientAsync(StaffRole.Viewer, "110108");

        var rest = await (await haidian.GetAsync("/api/v1/stations/REV-OGC-1")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("钥匙在保安室", rest); // the station API hides it: the same key, the same station

        var feature = await haidian.GetAsync("/ogc/collections/stations/items/REV-OGC-1");
        Assert.Equal(HttpStatusCode.OK, feature.StatusCode);
        var one = await feature.Content.ReadAsStringAsync();
        Assert.DoesNotContain("钥匙在保安室", one);
        Assert.DoesNotContain("updatedBy", one);
        Assert.DoesNotContain("managingOrgId", one);

        var page = await (await haidian.GetAsync("/ogc/collections/stations/items?adcode=110105&limit=10000")).Content.ReadAsStringAsync();
        Assert.Contains("REV-OGC-1", page);
        Assert.DoesNotContain("钥匙在保安室", page);
        Assert.DoesNotContain("updatedBy", page);
    }

    [Fact]
    public async Task Keys_whose_area_covers_the_station_read_its_staff_fields_through_ogc_and_others_on_the_same_page_do_not_leak()
    {
        await CreateChaoyangStationAsync(api, "REV-OGC-2");
        foreach (var area in new[] { "110105", "110000", "000000" })
        {
            var key = await api.StaffClientAsync(StaffRole.Viewer, area);
            var f = await (await key.GetAsync("/ogc/collections/stations/items/REV-OGC-2")).JsonAsync();
            Assert.Equal("朝阳内部备注：钥匙在保安室", f.GetProperty("properties").GetProperty("notes").GetString());
            Assert.True(f.GetProperty("properties").TryGetProperty("managingOrgId", out _));
        }

        // One page mixing areas: the Chaoyang key reads staff fields of Chaoyang features only.
        var chaoyang = await api.StaffClientAsync(StaffRole.Viewer, "110105");
        var page = await (await chaoyang.GetAsync("/ogc/collections/stations/items?adcode=1101&limit=10000")).JsonAsync();
        var features = page.GetProperty("features").EnumerateArray().ToList();
        Assert.Contains(features, x => x.GetProperty("properties").GetProperty("adcode").GetString() != "110105");
        foreach (var x in features)
            Assert.Equal(x.GetProperty("properties").GetProperty("adcode").GetString() == "110105", x.GetProperty("properties").TryGetProperty("updatedBy", out _));
    }
}
