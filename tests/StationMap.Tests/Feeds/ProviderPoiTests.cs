using System.Text;
using StationMap.Feeds.Export;
using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;
using StationMap.Feeds.Writers;
using StationMap.Publication;
using StationMap.Stations;

namespace StationMap.Tests.Feeds;

/// <summary>
/// Added or changed, and the provider's POI id in the files that need it: the one rule in <see cref="SubmittedState.ProviderHasPoi"/>
/// and the <c>providerPoiId</c> field written only where a POI exists to update or delete.
/// </summary>
public sealed class ProviderPoiTests
{
    private static readonly FeedProfileCatalog Catalog = FeedProfileCatalog.Load(null);
    private const string Now = "hash-now";

    [Theory]
    // never submitted or withdrawn: always a new POI
    [InlineData(PublicationState.NotSubmitted, null, Now, "added")]
    [InlineData(PublicationState.Withdrawn, "B0FFOLD", Now, "added")]
    [InlineData(PublicationState.Withdrawn, null, "old", "added")]
    // rejected new POI: added again once its content changed, left alone while unchanged
    [InlineData(PublicationState.Rejected, null, "old", "added")]
    [InlineData(PublicationState.Rejected, "", "old", "added")]
    [InlineData(PublicationState.Rejected, null, Now, null)]
    // a live POI whose update was rejected keeps its id: an update
    [InlineData(PublicationState.Rejected, "B0FF1", "old", "changed")]
    // submitted without a result yet (batch channels create at upload), online, needs update: an update
    [InlineData(PublicationState.Submitted, null, "old", "changed")]
    [InlineData(PublicationState.Submitted, "B0FF1", "old", "changed")]
    [InlineData(PublicationState.Online, null, "old", "changed")]
    [InlineData(PublicationState.Online, "B0FF1", "old", "changed")]
    [InlineData(PublicationState.NeedsUpdate, "B0FF1", "old", "changed")]
    [InlineData(PublicationState.Online, "B0FF1", Now, null)]
    [InlineData(PublicationState.Submitted, null, Now, null)]
    public void Incremental_change_follows_the_state_the_poi_id_and_the_hash(PublicationState state, string? poiId, string lastHash, string? expected)
    {
        var change = FeedSelection.IncrementalChange(new SubmittedState(state, lastHash, poiId), Now);
        Assert.Equal(expected, change?.Wire());
    }

    [Fact]
    public void A_station_without_a_record_is_added() => Assert.Equal(FeedChange.Added, FeedSelection.IncrementalChange(null, Now));

    [Theory]
    [InlineData(PublicationState.Online, null, true)]
    [InlineData(PublicationState.Submitted, null, true)]
    [InlineData(PublicationState.Rejected, "B0FF1", true)]
    [InlineData(PublicationState.Rejected, null, false)]
    [InlineData(PublicationState.NotSubmitted, null, false)]
    [InlineData(PublicationState.Withdrawn, "B0FF1", false)]
    public void A_closed_station_is_withdrawn_only_where_the_provider_holds_a_poi(PublicationState state, string? poiId, bool withdrawn)
    {
        var profile = Catalog.Find("amap-yuntu")!;
        var station = FeedStations.All()[0];
        station.Status = StationStatus.Closed;
        var selection = new FeedSelection(new FeedRowBuilder(profile, FeedStations.Lookups), incremental: true,
            new Dictionary<long, SubmittedState> { [station.Id] = new(state, "old", poiId) });
        var items = selection.Items([station]).ToList();
        Assert.Equal(withdrawn ? [FeedChange.Withdrawn] : [], items.Select(i => i.Change!.Value));
    }

    [Fact]
    public void The_poi_id_is_not_part_of_the_content_hash()
    {
        var builder = new FeedRowBuilder(Catalog.Find("amap-yuntu")!, FeedStations.Lookups);
        var station = FeedStations.All()[0];
        var without = builder.Build(station).Row!;
        var with = builder.Build(station, providerPoiId: "B0FFHASH01").Row!;
        Assert.Equal(without.Hash, with.Hash);
        Assert.Contains("B0FFHASH01", with.Cells);
    }

    [Theory]
    [InlineData("amap-yuntu", "poi_id")]
    [InlineData("baidu-geotable", "uid")]
    public void Changed_and_withdrawn_files_carry_the_poi_id_and_the_added_file_has_no_such_column(string id, string header)
    {
        var (files, folder) = Incremental(Catalog.Find(id)!);
        var text = files.ToDictionary(f => f.Change, f => File.ReadAllText(Path.Combine(folder, f.Name), Encoding.UTF8).Split("\r\n"));
        Assert.DoesNotContain(header, text["added"][0].Split(','));
        Assert.Equal(header, text["changed"][0].Split(',')[^1]);
        Assert.Equal(header, text["withdrawn"][0].Split(',')[^1]);
        Assert.EndsWith(",B0FFCHANGED", text["changed"][1]);
        Assert.EndsWith(",B0FFCLOSED", text["withdrawn"][1]);
        // Every line of a file has as many cells as its header.
        Assert.Equal(text["added"][0].Split(',').Length + 1, text["changed"][0].Split(',').Length);
    }

    [Fact]
    public void A_one_file_export_with_a_change_column_fills_the_poi_id_on_changed_and_withdrawn_rows_only()
    {
        var profile = Catalog.Find("amap-yuntu")! with { Changes = "column", ChangeHeader = "change" };
        var (files, folder) = Incremental(profile);
        var lines = File.ReadAllText(Path.Combine(folder, Assert.Single(files).Name)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",poi_id,change", lines[0]);
        Assert.Contains(lines, l => l.EndsWith(",,新增", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",B0FFCHANGED,更新", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",B0FFCLOSED,撤回", StringComparison.Ordinal));
    }

    [Fact]
    public void The_review_workbook_has_the_poi_id_column_in_incremental_exports_only()
    {
        var profile = Catalog.Find("poi-sheet-amap")!;
        var (files, folder) = Incremental(profile);
        var sheets = Encoding.UTF8.GetString(FeedGoldenTests.SheetDump(Path.Combine(folder, Assert.Single(files).Name)));
        Assert.Contains("管理单位及联系人 | 高德ID | 变更", sheets);
        Assert.Contains("| B0FFCHANGED | 更新", sheets);
        Assert.Contains("|  | 新增", sheets);
        var full = Encoding.UTF8.GetString(FeedGoldenTests.SheetDump(Path.Combine(FeedGoldenTests.Export("poi-sheet-amap").Folder, "poi-sheet-amap-110000-full.xlsx")));
        Assert.DoesNotContain("高德ID", full);
    }

    /// <summary>Three stations: one new (its record withdrawn long ago, with the dead POI id), one changed, one closed.</summary>
    private static (IReadOnlyList<WrittenFile> Files, string Folder) Incremental(FeedProfile profile)
    {
        var added = FeedStations.Make(11, "PA001", "新站点", "北京市海淀区新路1号", "110108", 116.31, 39.98);
        var changed = FeedStations.Make(12, "PA002", "改了电话的站点", "北京市海淀区改路2号", "110108", 116.32, 39.98, s => s.Phone = "010-1");
        var closed = FeedStations.Make(13, "PA003", "关闭的站点", "北京市海淀区关路3号", "110108", 116.33, 39.98, s => s.Status = StationStatus.Closed);
        var submitted = new Dictionary<long, SubmittedState>
        {
            [11] = new(PublicationState.Withdrawn, "old", "B0FFDEAD"),
            [12] = new(PublicationState.Online, "old", "B0FFCHANGED"),
            [13] = new(PublicationState.Online, "old", "B0FFCLOSED"),
        };
        var selection = new FeedSelection(new FeedRowBuilder(profile, FeedStations.Lookups), incremental: true, submitted);
        var folder = Directory.CreateTempSubdirectory("feeds-poi").FullName;
        var files = FeedWriters.Write(profile, FeedStations.Lookups, selection.Items([added, changed, closed]), new FeedTarget(folder, $"{profile.Id}-110108-incremental", true, ["110108"]));
        Assert.DoesNotContain("B0FFDEAD", string.Concat(files.Select(f => File.ReadAllText(Path.Combine(folder, f.Name)))));
        return (files, folder);
    }
}
