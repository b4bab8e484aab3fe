using System.Net;
using StationMap.Auth;
using StationMap.Feeds;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.Publication;

namespace StationMap.IntegrationTests.Feeds;

/// <summary>
/// Edges of "added or changed" and of the POI id in the files: a rejection left alone, a rejected update of a live POI,
/// a withdrawn station coming back, and the whole-country export (read without the area join).
/// </summary>
public sealed class ProviderPoiLifecycleTests(FeedsFixture api) : IClassFixture<FeedsFixture>
{
    private const string Daxing = "110115";
    private const string Tongzhou = "110112";

    [Fact]
    public async Task A_rejected_station_is_not_resent_unchanged_and_a_rejected_update_of_a_live_poi_goes_as_a_change()
    {
        var fresh = await api.CreateAsync("EDGE-1", Daxing);
        var live = await api.CreateAsync("EDGE-2", Daxing);
        Assert.Equal(2, (await Incremental(Daxing)).Added);
        await Set(fresh.Code, Daxing, new { state = "rejected", reason = "地址不详" });
        await Set(live.Code, Daxing, new { state = "online", providerPoiId = "B0FFEDGE02" });
        await Set(live.Code, Daxing, new { state = "rejected", reason = "电话无法接通" });

        var quiet = await Incremental(Daxing);
        Assert.Equal(0, quiet.Rows);
        Assert.Equal(PublicationState.Rejected, (await api.RecordAsync(fresh.Code, "amap"))!.State);

        await api.UpdateAsync(live.Code, i => i with { Phone = "010-69990000" });
        var changed = await Incremental(Daxing);
        Assert.Equal((0, 1), (changed.Added, changed.Changed));
        Assert.Contains("B0FFEDGE02", api.FileText(changed, "amap-yuntu-110115-incremental-changed.csv"));
    }

    [Fact]
    public async Task A_withdrawn_station_that_comes_back_is_added_without_its_old_poi_id()
    {
        var station = await api.CreateAsync("EDGE-3", Tongzhou);
        Assert.Equal(1, (await Incremental(Tongzhou)).Added);
        await Set(station.Code, Tongzhou, new { state = "online", providerPoiId = "B0FFEDGE03" });

        await api.UpdateAsync(station.Code, i => i with { Status = "closed" });
        var closed = await Incremental(Tongzhou);
        Assert.Equal(1, closed.Withdrawn);
        Assert.Contains("B0FFEDGE03", api.FileText(closed, "amap-yuntu-110112-incremental-withdrawn.csv"));

        await api.UpdateAsync(station.Code, i => i with { Status = "active" });
        var back = await Incremental(Tongzhou);
        Assert.Equal((1, 0), (back.Added, back.Changed));
        var added = api.FileText(back, "amap-yuntu-110112-incremental-added.csv");
        Assert.DoesNotContain("B0FFEDGE03", added);
        Assert.DoesNotContain("poi_id", added);
        var record = (await api.RecordAsync(station.Code, "amap"))!;
        Assert.Equal((PublicationState.Submitted, null), (record.State, record.ProviderPoiId));
    }

    [Fact]
    public async Task The_whole_country_export_carries_the_poi_id_too()
    {
        var station = await api.CreateAsync("EDGE-4", "110116");
        await api.ExportOnDataSourceAsync("baidu-geotable", "000000", ExportKind.Incremental);
        await Set(station.Code, "110116", new { state = "online", providerPoiId = "bd-uid-edge4" }, "baidu");
        await api.UpdateAsync(station.Code, i => i with { Phone = "010-61110000" });

        var batch = (await api.ExportOnDataSourceAsync("baidu-geotable", "000000", ExportKind.Incremental)).Batch!;
        Assert.Equal(1, batch.Changed);
        var text = api.FileText(batch, "baidu-geotable-000000-incremental-changed.csv");
        Assert.Contains(",uid\r\n", text);
        Assert.Contains("bd-uid-edge4", text);
    }

    private async Task<ExportBatch> Incremental(string adcode) => (await api.ExportAsync("amap-yuntu", adcode, ExportKind.Incremental)).Batch!;

    private async Task Set(string code, string adcode, object body, string provider = "amap")
    {
        var publisher = await api.StaffAsync(StaffRole.Publisher, adcode);
        var response = await publisher.PutJsonAsync($"/api/v1/publication/{code}/{provider}", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
