using System.Net;
using StationMap.Auth;
using StationMap.Feeds;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Feeds;

/// <summary>
/// A station that is live on Amap has the POI id the result file gave it (B0FF…, recorded in its publication record).
/// Updating or deleting that POI needs exactly that id (云图 data/update and data/delete take `_id`; the merchant
/// channel asks for the POI id). The incremental -changed and -withdrawn files carry every station field except it, and
/// no profile can ask for it (FeedFields has no such source): the publisher must look each station up by hand.
/// </summary>
public sealed class ProviderIdInChangeFilesTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    private const string Profile = "amap-yuntu";
    private const string Fengtai = "110106";

    [Fact]
    public async Task Changed_and_withdrawn_rows_carry_the_providers_poi_id()
    {
        var changed = await api.CreateAsync("PID-1", Fengtai);
        var closed = await api.CreateAsync("PID-2", Fengtai);
        Assert.Equal(2, (await api.ExportAsync(Profile, Fengtai, ExportKind.Incremental)).Batch!.Added);
        var publisher = await api.StaffAsync(StaffRole.Publisher, Fengtai);
        foreach (var (code, poi) in new[] { (changed.Code, "B0FFPID001"), (closed.Code, "B0FFPID002") })
            Assert.Equal(HttpStatusCode.OK, (await publisher.PutJsonAsync($"/api/v1/publication/{code}/amap", new { state = "online", providerPoiId = poi })).StatusCode);

        await api.UpdateAsync(changed.Code, i => i with { Phone = "010-63338888" });
        await api.UpdateAsync(closed.Code, i => i with { Status = "closed" });
        var batch = (await api.ExportAsync(Profile, Fengtai, ExportKind.Incremental)).Batch!;
        Assert.Equal((0, 1, 1), (batch.Added, batch.Changed, batch.Withdrawn));

        Assert.Contains("B0FFPID001", api.FileText(batch, "amap-yuntu-110106-incremental-changed.csv"));
        Assert.Contains("B0FFPID002", api.FileText(batch, "amap-yuntu-110106-incremental-withdrawn.csv"));
    }
}
