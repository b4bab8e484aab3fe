using System.Net;
using System.Text.Json;
using Npgsql;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Hardening;

/// <summary>The anonymous station list: no 500 for odd boxes, a box with straight edges, a capped count, an indexed search.</summary>
public sealed class StationListHardeningTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task CreateAsync(string code, double lng, double lat, string name = "箱内测试驿站")
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110000");
        var r = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian(code) with { Name = name, Lng = lng, Lat = lat });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
    }

    private async Task<List<string>> CodesAsync(string query)
    {
        var r = await api.Anonymous().GetAsync($"/api/v1/stations?{query}&pageSize=500");
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return (await r.JsonAsync()).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToList();
    }

    [Fact]
    public async Task The_whole_world_box_answers_and_contains_every_station()
    {
        await CreateAsync("BOX-WORLD", 116.35, 39.95);
        Assert.Contains("BOX-WORLD", await CodesAsync("bbox=-180,-90,180,90"));
        Assert.Contains("BOX-WORLD", await CodesAsync("bbox=-180,-90,180,90&coordsys=gcj02"));
    }

    /// <summary>
    /// Read with great-circle edges, a wide box's edges bow towards the pole: a point just inside the south edge
    /// fell out and a point just outside the north edge fell in. Edges on parallels keep both right.
    /// </summary>
    [Fact]
    public async Task Box_edges_are_parallels_and_meridians()
    {
        await CreateAsync("BOX-N-IN", 116.50, 40.499);   // 110 m south of the north edge
        await CreateAsync("BOX-N-OUT", 116.50, 40.501);  // 110 m north of it
        await CreateAsync("BOX-S-IN", 116.50, 39.501);   // 110 m north of the south edge
        await CreateAsync("BOX-E-IN", 117.499, 40.0);
        var inside = await CodesAsync("bbox=115.5,39.5,117.5,40.5");
        Assert.Contains("BOX-N-IN", inside);
        Assert.Contains("BOX-S-IN", inside);
        Assert.Contains("BOX-E-IN", inside);
        Assert.DoesNotContain("BOX-N-OUT", inside);
    }

    [Fact]
    public async Task A_broad_search_counts_up_to_the_cap_and_says_so_while_a_narrow_one_is_exact()
    {
        await CreateAsync("CAP-0000", 116.31, 39.98, "容量测试驿站");
        await using (var conn = await api.DataSource.OpenConnectionAsync())
        {
            // Copies of one station under new codes: every column but the id and the code as stored.
            var columns = new List<string>();
            await using (var cmd = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_name = 'stations' AND column_name NOT IN ('id', 'code') ORDER BY ordinal_position", conn))
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) columns.Add(r.GetString(0));
            var list = string.Join(", ", columns);
            await using var copy = new NpgsqlCommand(
                $"INSERT INTO stations (code, {list}) SELECT 'CAP-' || lpad(g::text, 4, '0'), {list} FROM stations, generate_series(1, 1100) g WHERE code = 'CAP-0000'", conn);
            await copy.ExecuteNonQueryAsync();
        }

        var broad = await (await api.Anonymous().GetAsync("/api/v1/stations?q=容量测试&pageSize=20")).JsonAsync();
        Assert.True(broad.GetProperty("totalCapped").GetBoolean());
        Assert.Equal(1000, broad.GetProperty("total").GetInt32());
        Assert.Equal(20, broad.GetProperty("items").GetArrayLength());

        // Deep pages count past themselves, so the console's "next page" stays right.
        var deep = await (await api.Anonymous().GetAsync("/api/v1/stations?q=容量测试&pageSize=100&page=11")).JsonAsync();
        Assert.Equal(100, deep.GetProperty("items").GetArrayLength());
        Assert.Equal(1101, deep.GetProperty("total").GetInt32());
        Assert.False(deep.GetProperty("totalCapped").GetBoolean());

        var narrow = await (await api.Anonymous().GetAsync("/api/v1/stations?q=CAP-0007")).JsonAsync();
        Assert.False(narrow.GetProperty("totalCapped").GetBoolean());
        Assert.Equal(1, narrow.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Text_search_on_name_and_address_can_use_trigram_indexes()
    {
        await using var conn = await api.DataSource.OpenConnectionAsync();
        // Planner choice on a tiny table is a seq scan; with it off, the plan shows which indexes could serve q=.
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN SELECT id FROM stations WHERE name ILIKE '%中关村%' OR address ILIKE '%中关村%'", conn);
        var plan = new List<string>();
        await using (var r = await explain.ExecuteReaderAsync())
            while (await r.ReadAsync()) plan.Add(r.GetString(0));
        var text = string.Join("\n", plan);
        Assert.Contains("ix_stations_name_trgm", text);
        Assert.Contains("ix_stations_address_trgm", text);
    }
}
