using StationMap.Feeds;
using StationMap.Feeds.Export;
using StationMap.Publication;

namespace StationMap.IntegrationTests.Feeds;

/// <summary>
/// Publication records are written while the files stream, before the batch row exists: they must still end up
/// pointing to the batch that was finally recorded — a new one, or the earlier one an identical export returns.
/// </summary>
public sealed class BatchRecordTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    private const string Fengtai = "110106";

    [Fact]
    public async Task Records_point_to_the_batch_that_was_recorded()
    {
        await api.CreateAsync("REC-1", Fengtai);
        await api.CreateAsync("REC-2", Fengtai);

        var first = await api.ExportAsync("amap-yuntu", Fengtai, ExportKind.Full);
        Assert.Equal(ExportOutcome.Created, first.Outcome);
        Assert.Equal(first.Batch!.Id, (await api.RecordAsync("REC-1", "amap"))!.LastBatchId);

        // The review workbook submits the same stations through another profile: every record changes.
        var sheet = await api.ExportAsync("poi-sheet-amap", Fengtai, ExportKind.Full);
        Assert.Equal(sheet.Batch!.Id, (await api.RecordAsync("REC-2", "amap"))!.LastBatchId);

        // The CSV again: the same files as the first batch, which is returned; the records go back to it.
        var again = await api.ExportAsync("amap-yuntu", Fengtai, ExportKind.Full);
        Assert.Equal((ExportOutcome.Unchanged, first.Batch.Id), (again.Outcome, again.Batch!.Id));
        var back = (await api.RecordAsync("REC-2", "amap"))!;
        Assert.Equal((first.Batch.Id, "amap-yuntu", PublicationState.Submitted), (back.LastBatchId, back.Profile, back.State));

        // One station changes: a new batch; only its record moves to it.
        await api.UpdateAsync("REC-1", i => i with { Phone = "010-63801234" });
        var changed = await api.ExportAsync("amap-yuntu", Fengtai, ExportKind.Full);
        Assert.Equal(ExportOutcome.Created, changed.Outcome);
        Assert.True(changed.Batch!.Id > sheet.Batch.Id);
        Assert.Equal(changed.Batch.Id, (await api.RecordAsync("REC-1", "amap"))!.LastBatchId);
        Assert.Equal(first.Batch.Id, (await api.RecordAsync("REC-2", "amap"))!.LastBatchId);

        // Closing it withdraws it in an incremental batch, and the reason names that batch.
        await api.UpdateAsync("REC-1", i => i with { Status = "closed" });
        var withdrawn = (await api.ExportAsync("amap-yuntu", Fengtai, ExportKind.Incremental)).Batch!;
        var closed = (await api.RecordAsync("REC-1", "amap"))!;
        Assert.Equal((PublicationState.Withdrawn, withdrawn.Id), (closed.State, closed.LastBatchId));
        Assert.EndsWith($"batch {withdrawn.Id}", closed.Reason);
    }

    [Fact]
    public async Task The_CLI_path_on_plain_connections_records_what_the_API_path_returns()
    {
        const string Shijingshan = "110107";
        await api.CreateAsync("CLI-1", Shijingshan);
        await api.CreateAsync("CLI-2", Shijingshan);

        var cli = await api.ExportOnDataSourceAsync("amap-yuntu", Shijingshan, ExportKind.Full);
        Assert.Equal((ExportOutcome.Created, 2), (cli.Outcome, cli.Batch!.Rows));
        Assert.Equal(cli.Batch.Id, (await api.RecordAsync("CLI-1", "amap"))!.LastBatchId);

        // The same export through the DbContext (as the API runs it) finds the same files and returns that batch.
        var again = await api.ExportAsync("amap-yuntu", Shijingshan, ExportKind.Full);
        Assert.Equal((ExportOutcome.Unchanged, cli.Batch.Id), (again.Outcome, again.Batch!.Id));
        Assert.Equal(["CLI-1", "CLI-2"], again.Batch.StationCodes);
    }
}
