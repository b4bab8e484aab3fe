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
}
