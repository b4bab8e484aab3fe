using System.Text;
using StationMap.Feeds;
using StationMap.Feeds.Export;
using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;
using StationMap.Feeds.Writers;
using StationMap.Stations;

namespace StationMap.Tests.Feeds;

public sealed class FeedSplitTests
{
    private static readonly FeedProfile Baidu = FeedProfileCatalog.Load(null).Find("baidu-geotable")!;

    [Fact]
    public void A_small_byte_limit_splits_the_csv_into_parts_each_with_bom_and_header_and_under_the_limit()
    {
        var profile = Baidu with { MaxBytes = 4096 };
        var (files, folder) = Write(profile, Many(100));
        Assert.True(files.Count > 3);
        Assert.Equal(100, files.Sum(f => f.Rows));
        Assert.All(files, f =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, f.Name));
            Assert.True(bytes.Length <= 4096, $"{f.Name} has {bytes.Length} bytes");
            Assert.Equal(f.Bytes, bytes.Length);
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            Assert.StartsWith("title,address,longitude,latitude", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        });
        Assert.Equal(["baidu-geotable-110108-full-001.csv", "baidu-geotable-110108-full-002.csv"], files.Take(2).Select(f => f.Name));
    }

    [Fact]
    public void A_row_limit_splits_too()
    {
        var (files, _) = Write(Baidu with { MaxRows = 30 }, Many(100));
        Assert.Equal([30, 30, 30, 10], files.Select(f => f.Rows));
    }

    [Fact]
    public void The_real_ten_megabyte_limit_splits_a_large_export_below_ten_megabytes()
    {
        var (files, folder) = Write(Baidu, Many(45_000));
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.True(new FileInfo(Path.Combine(folder, f.Name)).Length < 10_000_000));
        Assert.Equal(45_000, files.Sum(f => f.Rows));
    }

    [Fact]
    public void A_gbk_profile_writes_gbk_bytes_without_a_bom()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var (files, folder) = Write(Baidu with { Encoding = "gbk" }, Many(3));
        var bytes = File.ReadAllBytes(Path.Combine(folder, Assert.Single(files).Name));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("海淀区测试站点2", Encoding.GetEncoding(936).GetString(bytes));
    }

    private static List<Station> Many(int n) => Enumerable.Range(1, n).Select(i =>
        FeedStations.Make(i, $"110108{i:000000}", $"海淀区测试站点{i}", $"北京市海淀区中关村大街{i}号院{i % 7}号楼一层东侧", "110108",
            116.2 + i % 100 * 0.001, 39.9 + i / 100 * 0.001, s => { s.Services = ["water", "microwave", "charging", "rest"]; s.OpeningHours = "Mo-Su 08:00-20:00"; s.Phone = "010-62561234"; })).ToList();

    private static (IReadOnlyList<WrittenFile> Files, string Folder) Write(FeedProfile profile, List<Station> stations)
    {
        var selection = new FeedSelection(new FeedRowBuilder(profile, FeedStations.Lookups), false, new Dictionary<long, SubmittedState>());
        var folder = Directory.CreateTempSubdirectory("feeds-split").FullName;
        return (FeedWriters.Write(profile, FeedStations.Lookups, selection.Items(stations), new FeedTarget(folder, $"{profile.Id}-110108-full", false, ["110108"])), folder);
    }
}
