using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StationMap.Auth;
using StationMap.Feeds;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.Publication;

namespace StationMap.IntegrationTests.Feeds;

public sealed class PublicationTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    // A district of its own, so the other test's stations do not change these counts.
    private const string Xicheng = "110102";

    [Fact]
    public async Task A_result_file_sets_online_and_rejected_lists_unmatched_rows_and_feeds_the_summary()
    {
        var c1 = await api.CreateAsync("PUB-1", Xicheng);
        var c2 = await api.CreateAsync("PUB-2", Xicheng);
        await api.CreateAsync("PUB-3", Xicheng);
        await api.CreateAsync("PUB-CY", "110105");
        await api.ExportAsync("amap-yuntu", Xicheng, ExportKind.Full);
        var publisher = await api.StaffAsync(StaffRole.Publisher, Xicheng);

        var csv = $"""
            站点编码,站点名称,POI ID,状态,原因
            {c1.Code},,B0FFAAAA01,已上线,
            ,{c2.Name},,驳回,名称不规范
            NOPE-1,,B0X,上线,
            ,不存在的站点,,上线,
            PUB-CY,,B0Y,上线,
            PUB-3,,,稍后再说,
            """;
        var report = await Upload(publisher, "amap", csv);
        Assert.Equal(6, report.GetProperty("rows").GetInt32());
        Assert.Equal(2, report.GetProperty("matched").GetInt32());
        var unmatched = report.GetProperty("unmatched").EnumerateArray().ToList();
        Assert.Equal([4, 5, 6, 7], unmatched.Select(u => u.GetProperty("row").GetInt32()));
        Assert.Contains("unknown status", unmatched[3].GetProperty("reason").GetString());

        var one = await api.RecordAsync(c1.Code, "amap");
        Assert.Equal((PublicationState.Online, "B0FFAAAA01"), (one!.State, one.ProviderPoiId));
        Assert.Equal((PublicationState.Rejected, "名称不规范"), ((await api.RecordAsync(c2.Code, "amap"))!.State, (await api.RecordAsync(c2.Code, "amap"))!.Reason));

        var amap = await Amap(publisher);
        Assert.Equal((3, 1, 1, 0), (amap.GetProperty("submitted").GetInt32(), amap.GetProperty("online").GetInt32(), amap.GetProperty("rejected").GetInt32(), amap.GetProperty("needsUpdate").GetInt32()));
        Assert.Equal(0.3333, amap.GetProperty("onlineRate").GetDouble());

        await api.UpdateAsync(c1.Code, i => i with { Phone = "010-62598888" });
        Assert.Equal(1, (await Amap(publisher)).GetProperty("needsUpdate").GetInt32());
    }

    [Fact]
    public async Task Status_can_be_set_by_hand_and_the_summary_comes_as_xlsx()
    {
        var s = await api.CreateAsync("PUB-HAND");
        var publisher = await api.StaffAsync(StaffRole.Publisher, "110108");
        var put = await publisher.PutJsonAsync($"/api/v1/publication/{s.Code}/baidu", new { state = "online", providerPoiId = "bd-123" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("online", (await put.JsonAsync()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await publisher.PutJsonAsync($"/api/v1/publication/{s.Code}/baidu", new { state = "maybe" })).StatusCode);

        var chaoyang = await api.StaffAsync(StaffRole.Publisher, "110105");
        Assert.Equal(HttpStatusCode.Forbidden, (await chaoyang.PutJsonAsync($"/api/v1/publication/{s.Code}/baidu", new { state = "online" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chaoyang.GetAsync("/api/v1/publication/summary?adcode=110108")).StatusCode);

        var xlsx = await publisher.GetAsync("/api/v1/publication/summary?adcode=110108&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var rows = Workbooks.Rows(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal("海淀区", rows[0]["区县"]);
        Assert.True(Convert.ToInt32(rows[0]["百度已上线"]) >= 1);
    }

    private static async Task<JsonElement> Upload(HttpClient client, string provider, string csv)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "amap-result.csv");
        var response = await client.PostAsync($"/api/v1/publication/results?provider={provider}", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> Amap(HttpClient client)
    {
        var summary = await (await client.GetAsync($"/api/v1/publication/summary?adcode={Xicheng}")).JsonAsync();
        return summary.GetProperty("total").GetProperty("providers").EnumerateArray().Single(p => p.GetProperty("provider").GetString() == "amap");
    }
}
