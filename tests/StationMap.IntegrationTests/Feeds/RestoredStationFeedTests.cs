using StationMap.Feeds;
using StationMap.Publication;
using StationMap.Stations;

namespace StationMap.IntegrationTests.Feeds;

/// <summary>A deleted station is withdrawn from the feeds; restored, the next incremental export adds it again.</summary>
public sealed class RestoredStationFeedTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    private const string Profile = "baidu-geotable";

    [Fact]
    public async Task A_restored_station_is_added_again_by_the_next_incremental_export()
    {
        await api.CreateAsync("RST-FEED-1");
        Assert.Equal(1, (await Incremental()).Added);

        await api.DeleteAsync("RST-FEED-1");
        var withdrawn = await Incremental();
        Assert.Equal((0, 0, 1), (withdrawn.Added, withdrawn.Changed, withdrawn.Withdrawn));
        Assert.Equal(PublicationState.Withdrawn, (await api.RecordAsync("RST-FEED-1", "baidu"))!.State);

        await using (var db = api.NewDb())
        {
            var result = await new StationWriter(db).RestoreAsync("RST-FEED-1", 2, "误删", FeedsFixture.System);
            Assert.Equal(WriteOutcome.Ok, result.Outcome);
        }
        var added = await Incremental();
        Assert.Equal((1, 0, 0), (added.Added, added.Changed, added.Withdrawn));
        Assert.Equal(["RST-FEED-1"], added.StationCodes);
        Assert.Contains("站点RST-FEED-1", api.FileText(added, "baidu-geotable-110108-incremental-added.csv"));
        Assert.Equal(PublicationState.Submitted, (await api.RecordAsync("RST-FEED-1", "baidu"))!.State);

        Assert.Equal(0, (await Incremental()).Rows);
    }

    private async Task<ExportBatch> Incremental() => (await api.ExportAsync(Profile, "110108", ExportKind.Incremental)).Batch!;
}
