using StationMap.Feeds;
using StationMap.Publication;

namespace StationMap.IntegrationTests.Feeds;

/// <summary>One district through a station's life: add, change, close, re-open, delete — each followed by an incremental export.</summary>
public sealed class IncrementalExportTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    private const string Profile = "baidu-geotable";

    [Fact]
    public async Task Incremental_exports_follow_add_change_close_reopen_and_delete()
    {
        await api.CreateAsync("INC-A");
        await api.CreateAsync("INC-B");

        var first = await Incremental();
        Assert.Equal((2, 0, 0), (first.Added, first.Changed, first.Withdrawn));
        var added = Assert.Single(first.Files);
        Assert.Equal("baidu-geotable-110108-incremental-added.csv", added.Name);
        Assert.Contains("站点INC-A", api.FileText(first, added.Name));
        Assert.Equal(PublicationState.Submitted, (await api.RecordAsync("INC-A", "baidu"))!.State);

        var again = await Incremental();
        Assert.Equal(0, again.Rows);
        Assert.Empty(again.Files);

        await api.UpdateAsync("INC-A", i => i with { Phone = "010-88889999" });
        await api.UpdateAsync("INC-B", i => i with { Notes = "内部备注，不在报送文件中" });
        var changed = await Incremental();
        Assert.Equal((0, 1, 0), (changed.Added, changed.Changed, changed.Withdrawn));
        Assert.Contains("010-88889999", api.FileText(changed, "baidu-geotable-110108-incremental-changed.csv"));

        await api.UpdateAsync("INC-B", i => i with { Status = "closed" });
        var closed = await Incremental();
        Assert.Equal((0, 0, 1), (closed.Added, closed.Changed, closed.Withdrawn));
        Assert.Contains("站点INC-B", api.FileText(closed, "baidu-geotable-110108-incremental-withdrawn.csv"));
        Assert.Equal(PublicationState.Withdrawn, (await api.RecordAsync("INC-B", "baidu"))!.State);

        await api.UpdateAsync("INC-B", i => i with { Status = "active" });
        var reopened = await Incremental();
        Assert.Equal((1, 0, 0), (reopened.Added, reopened.Changed, reopened.Withdrawn));
        Assert.Equal(["INC-B"], reopened.StationCodes);

        await api.DeleteAsync("INC-A");
        var deleted = await Incremental();
        Assert.Equal((0, 0, 1), (deleted.Added, deleted.Changed, deleted.Withdrawn));
        Assert.Equal(["INC-A"], deleted.StationCodes);

        var nothing = await Incremental();
        Assert.Equal(0, nothing.Rows);
        var quiet = await Incremental();
        Assert.Equal(nothing.Id, quiet.Id);
    }

    private async Task<ExportBatch> Incremental() => (await api.ExportAsync(Profile, "110108", ExportKind.Incremental)).Batch!;
}
