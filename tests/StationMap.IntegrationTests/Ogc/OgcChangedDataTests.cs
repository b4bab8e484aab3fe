using System.Net;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Ogc;

/// <summary>Items after changes to the data (own database: the read-only checks elsewhere stay undisturbed).</summary>
public class OgcChangedDataTests(OgcServerFixture api) : IClassFixture<OgcServerFixture>
{
    private const string Items = "/ogc/collections/stations/items";

    [Fact]
    public async Task Datetime_filters_on_updated_at_with_instants_intervals_and_open_ends()
    {
        var stored = await PublicStations.ReadAsync(api.DataSource);
        var old = stored[5];
        await api.ExecuteAsync($"UPDATE stations SET updated_at = '2020-01-01T08:00:00Z' WHERE code = '{old.Code}'");
        var client = api.Client();
        async Task<List<string?>> Codes(string q) =>
            (await (await client.GetAsync($"{Items}?limit=10000&datetime={Uri.EscapeDataString(q)}")).JsonAsync())
                .GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();

        Assert.Equal([old.Code], await Codes("../2020-06-01T00:00:00Z"));
        Assert.Equal([old.Code], await Codes("2020-01-01"));
        Assert.Equal([old.Code], await Codes("2020-01-01T08:00:00Z"));
        Assert.Equal([old.Code], await Codes("2019-12-31T00:00:00+08:00/2020-01-02T00:00:00+08:00"));
        Assert.Equal(stored.Count - 1, (await Codes("2021-01-01T00:00:00Z/..")).Count);
    }

    [Fact]
    public async Task Hidden_station_is_seen_by_staff_of_its_area_only_with_staff_fields()
    {
        var hidden = (await PublicStations.ReadAsync(api.DataSource)).First(s => s.Adcode == "110108");
        await api.ExecuteAsync($"UPDATE stations SET is_public = false, notes = '内部备注' WHERE code = '{hidden.Code}'");
        var url = $"{Items}/{hidden.Code}";

        Assert.Equal(HttpStatusCode.NotFound, (await api.Client().GetAsync(url)).StatusCode);
        var chaoyang = await api.StaffClientAsync(StaffRole.Viewer, "110105");
        Assert.Equal(HttpStatusCode.NotFound, (await chaoyang.GetAsync(url)).StatusCode);

        var haidian = await api.StaffClientAsync(StaffRole.Viewer, "110108");
        var f = await (await haidian.GetAsync(url)).JsonAsync();
        Assert.False(f.GetProperty("properties").GetProperty("isPublic").GetBoolean());
        Assert.Equal("内部备注", f.GetProperty("properties").GetProperty("notes").GetString());
        var list = await (await haidian.GetAsync($"{Items}?adcode=110108&limit=10000")).JsonAsync();
        Assert.Contains(hidden.Code, list.GetProperty("features").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        var anonymous = await (await api.Client().GetAsync($"{Items}?adcode=110108&limit=10000")).JsonAsync();
        Assert.DoesNotContain(hidden.Code, anonymous.GetProperty("features").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
    }
}
