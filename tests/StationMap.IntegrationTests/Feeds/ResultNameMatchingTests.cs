using System.Net;
using System.Net.Http.Headers;
using System.Text;
using StationMap.Auth;
using StationMap.Feeds;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.Publication;

namespace StationMap.IntegrationTests.Feeds;

/// <summary>
/// The poi-sheet profiles submit "名称（工会驿站）" for names without 驿站/服务站 (keyword findability), and that is the
/// name the POI gets on the map and in the provider's feedback list, which often has no station code. Result files
/// are matched by code, else by the exact stored name (PublicationService.Match), so every suffixed station comes back
/// "no station named …" and its 上图 state can only be set by hand.
/// </summary>
public sealed class ResultNameMatchingTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    private const string Shijingshan = "110107";

    [Fact]
    public async Task A_result_row_naming_the_station_as_submitted_with_the_keyword_suffix_is_matched()
    {
        var station = await api.CreateAsync("SUF-1", Shijingshan, i => i with { Name = "石景山区八角街道户外劳动者之家" });
        var export = await api.ExportAsync("poi-sheet-amap", Shijingshan, ExportKind.Full);
        Assert.Equal(1, export.Batch!.Rows);

        var publisher = await api.StaffAsync(StaffRole.Publisher, Shijingshan);
        var csv = """
            名称,POI ID,状态,原因
            石景山区八角街道户外劳动者之家（工会驿站）,B0FFSUF001,已上线,
            """;
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "amap-result.csv");
        var response = await publisher.PostAsync("/api/v1/publication/results?provider=amap", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.True(report.GetProperty("matched").GetInt32() == 1, report.GetRawText());

        var record = await api.RecordAsync(station.Code, "amap");
        Assert.Equal((PublicationState.Online, "B0FFSUF001"), (record!.State, record.ProviderPoiId));
    }

    [Fact]
    public async Task A_half_width_suffix_matches_for_baidu_and_a_name_two_stations_were_submitted_under_is_reported_as_ambiguous()
    {
        var single = await api.CreateAsync("SUF-2", Shijingshan, i => i with { Name = "石景山区古城街道户外劳动者之家" });
        var plain = await api.CreateAsync("SUF-3", Shijingshan, i => i with { Name = "石景山区鲁谷街道户外劳动者之家" });
        var suffixed = await api.CreateAsync("SUF-4", Shijingshan, i => i with { Name = "石景山区鲁谷街道户外劳动者之家（工会驿站）" });

        var publisher = await api.StaffAsync(StaffRole.Publisher, Shijingshan);
        var report = await Upload(publisher, "baidu", """
            名称,uid,状态
            石景山区古城街道户外劳动者之家(工会驿站),bd-suf-2,已上线
            石景山区鲁谷街道户外劳动者之家（工会驿站）,bd-suf-3,已上线
            """);
        Assert.Equal(1, report.GetProperty("matched").GetInt32());
        Assert.Equal((PublicationState.Online, "bd-suf-2"), ((await api.RecordAsync(single.Code, "baidu"))!.State, (await api.RecordAsync(single.Code, "baidu"))!.ProviderPoiId));

        var unmatched = Assert.Single(report.GetProperty("unmatched").EnumerateArray());
        Assert.Equal(3, unmatched.GetProperty("row").GetInt32());
        var reason = unmatched.GetProperty("reason").GetString()!;
        Assert.Contains("请用站点编码", reason);
        Assert.Contains("use the code", reason);
        Assert.Contains(plain.Code, reason);
        Assert.Contains(suffixed.Code, reason);
        Assert.Null(await api.RecordAsync(plain.Code, "baidu"));
    }

    private static async Task<System.Text.Json.JsonElement> Upload(HttpClient client, string provider, string csv)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "result.csv");
        var response = await client.PostAsync($"/api/v1/publication/results?provider={provider}", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}
