using System.Net;
using StationMap.Auth;
using StationMap.Feeds;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.Publication;

namespace StationMap.IntegrationTests.Feeds;

/// <summary>
/// A station the provider rejected never became a POI there. Once staff fix it, the next incremental export must send
/// it as a new POI (the "-added" file), not as an update of a POI that does not exist (the "-changed" file, which the
/// publisher submits through the provider's update channel, where it fails or is silently dropped).
/// </summary>
public sealed class RejectedResubmissionTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    private const string Profile = "baidu-geotable";
    private const string Dongcheng = "110101";

    [Fact]
    public async Task A_fixed_rejected_station_is_added_again_not_sent_as_a_change()
    {
        var station = await api.CreateAsync("REJ-1", Dongcheng);
        var first = (await api.ExportAsync(Profile, Dongcheng, ExportKind.Incremental)).Batch!;
        Assert.Equal(1, first.Added);

        var publisher = await api.StaffAsync(StaffRole.Publisher, Dongcheng);
        var rejected = await publisher.PutJsonAsync($"/api/v1/publication/{station.Code}/baidu", new { state = "rejected", reason = "名称不规范" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        await api.UpdateAsync(station.Code, i => i with { Name = "东城区工会户外劳动者服务站点（REJ-1）" });
        var resent = (await api.ExportAsync(Profile, Dongcheng, ExportKind.Incremental)).Batch!;

        Assert.Equal((1, 0), (resent.Added, resent.Changed));
        Assert.Equal(["baidu-geotable-110101-incremental-added.csv"], resent.Files.Select(f => f.Name));
        Assert.Equal(PublicationState.Submitted, (await api.RecordAsync(station.Code, "baidu"))!.State);
    }
}
