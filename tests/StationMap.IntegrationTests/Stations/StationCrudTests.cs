using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Stations;

public class StationCrudTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Created_station_reads_back_with_every_field_including_chinese_text_and_coordinates()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var created = await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-CRUD-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/stations/BJ-CRUD-1", created.Headers.Location?.OriginalString);

        // Staff of the station's area read every field (the public view leaves out notes and actors).
        var s = await (await editor.GetAsync("/api/v1/stations/BJ-CRUD-1")).JsonAsync();
        Assert.Equal("中关村街道工会户外劳动者服务站点", s.GetProperty("name").GetString());
        Assert.Equal("北京市海淀区中关村大街27号中关村大厦一层", s.GetProperty("address").GetString());
        Assert.Equal("110108", s.GetProperty("adcode").GetString());
        Assert.Equal(116.3162, s.GetProperty("location").GetProperty("lng").GetDouble(), 7);
        Assert.Equal(39.9834, s.GetProperty("location").GetProperty("lat").GetDouble(), 7);
        Assert.Equal("wgs84", s.GetProperty("location").GetProperty("coordsys").GetString());
        Assert.Equal("standard", s.GetProperty("type").GetString());
        Assert.Equal(18.5m, s.GetProperty("areaM2").GetDecimal());
        Assert.Equal(["water", "microwave", "charging", "toilet"], s.GetProperty("services").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("24/7", s.GetProperty("openingHours").GetString());
        Assert.Equal("010-62561234", s.GetProperty("phone").GetString());
        Assert.Equal("中国邮政中关村支局", s.GetProperty("hostOrganization").GetString());
        Assert.Equal("postoffice", s.GetProperty("hostKind").GetString());
        Assert.True(s.GetProperty("isPublic").GetBoolean());
        Assert.Equal("active", s.GetProperty("status").GetString());
        Assert.Equal("https://example.org/photos/zgc-1.jpg", s.GetProperty("photos")[0].GetString());
        Assert.Equal("门口有蓝色“工会驿站”标识", s.GetProperty("notes").GetString());
        Assert.Equal(1, s.GetProperty("version").GetInt32());
        Assert.Contains("test Editor 110108", s.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task Station_without_a_code_gets_a_readable_code_from_its_district()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var created = await (await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian())).JsonAsync();
        Assert.Matches(@"^BJ110108-\d{6}$", created.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Update_with_the_current_version_changes_the_station_and_bumps_the_version()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-CRUD-2"));
        var put = await editor.PutJsonAsync("/api/v1/stations/BJ-CRUD-2",
            SampleInputs.Haidian() with { Name = "中关村驿站（改名）", Version = 1, Reason = "更名" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var s = await (await api.Anonymous().GetAsync("/api/v1/stations/BJ-CRUD-2")).JsonAsync();
        Assert.Equal("中关村驿站（改名）", s.GetProperty("name").GetString());
        Assert.Equal(2, s.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Stale_version_gets_409_with_the_current_record_and_loses_nothing()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-CRUD-3"));
        var first = await editor.PutJsonAsync("/api/v1/stations/BJ-CRUD-3", SampleInputs.Haidian() with { Name = "甲的修改", Version = 1 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await editor.PutJsonAsync("/api/v1/stations/BJ-CRUD-3", SampleInputs.Haidian() with { Name = "乙的修改", Version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.JsonAsync();
        Assert.Contains("version conflict", problem.GetProperty("detail").GetString());
        Assert.Equal("甲的修改", problem.GetProperty("current").GetProperty("name").GetString());

        var s = await (await api.Anonymous().GetAsync("/api/v1/stations/BJ-CRUD-3")).JsonAsync();
        Assert.Equal("甲的修改", s.GetProperty("name").GetString());
        Assert.Equal(2, s.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_version_let_exactly_one_win()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-CRUD-4"));
        var puts = Enumerable.Range(0, 6).Select(i =>
            editor.PutJsonAsync("/api/v1/stations/BJ-CRUD-4", SampleInputs.Haidian() with { Name = $"并发修改{i}", Version = 1 }));
        var results = await Task.WhenAll(puts);
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = api.NewDb();
        Assert.Equal(2, await db.StationHistory.CountAsync(h => h.Code == "BJ-CRUD-4"));
    }

    [Fact]
    public async Task Every_change_is_kept_in_the_history_with_who_when_and_why()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-CRUD-5"));
        await editor.PutJsonAsync("/api/v1/stations/BJ-CRUD-5", SampleInputs.Haidian() with { Phone = "13812345678", Version = 1, Reason = "换了联系电话" });
        Assert.Equal(HttpStatusCode.OK, (await editor.DeleteAsync("/api/v1/stations/BJ-CRUD-5?version=2&reason=站点撤销")).StatusCode);

        var history = await (await editor.GetAsync("/api/v1/stations/BJ-CRUD-5/history")).JsonAsync();
        Assert.Equal(["created", "updated", "deleted"], history.EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal([1, 2, 3], history.EnumerateArray().Select(h => h.GetProperty("version").GetInt32()));
        Assert.Equal("换了联系电话", history[1].GetProperty("reason").GetString());
        Assert.Equal("010-62561234", history[0].GetProperty("station").GetProperty("phone").GetString());
        Assert.Equal("13812345678", history[1].GetProperty("station").GetProperty("phone").GetString());
        Assert.Contains("test Editor 110108", history[2].GetProperty("changedBy").GetString());

        await using var db = api.NewDb();
        var audited = await db.Audit.Where(a => a.Subject == "BJ-CRUD-5").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["station.created", "station.updated", "station.deleted"], audited);
    }

    [Fact]
    public async Task Soft_deleted_station_disappears_from_reads_but_stays_in_the_store_and_history()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        await editor.PostJsonAsync("/api/v1/stations", SampleInputs.Haidian("BJ-CRUD-6"));
        Assert.Equal(HttpStatusCode.OK, (await editor.DeleteAsync("/api/v1/stations/BJ-CRUD-6?version=1")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/api/v1/stations/BJ-CRUD-6")).StatusCode);
        var list = await (await api.Anonymous().GetAsync("/api/v1/stations?q=BJ-CRUD-6")).JsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        await using var db = api.NewDb();
        var row = await db.Stations.IgnoreQueryFilters().SingleAsync(s => s.Code == "BJ-CRUD-6");
        Assert.NotNull(row.DeletedAt);
        Assert.Equal("中关村街道工会户外劳动者服务站点", row.Name);
        Assert.Equal(2, await db.StationHistory.CountAsync(h => h.Code == "BJ-CRUD-6"));
    }

    [Fact]
    public async Task Invalid_station_gets_400_naming_each_field_and_writes_nothing()
    {
        var editor = await api.StaffAsync(StaffRole.Editor, "110108");
        var bad = SampleInputs.Haidian("BJ-CRUD-7") with { Name = new string('站', 46), Phone = "12", Services = ["water", "咖啡机"], Type = "huge" };
        var response = await editor.PostJsonAsync("/api/v1/stations", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("45", errors.GetProperty("name")[0].GetString());
        Assert.Contains("phone", errors.GetProperty("phone")[0].GetString());
        Assert.Contains("咖啡机", errors.GetProperty("services")[0].GetString());
        Assert.Contains("standard, micro, mobile", errors.GetProperty("type")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/api/v1/stations/BJ-CRUD-7")).StatusCode);
    }
}
