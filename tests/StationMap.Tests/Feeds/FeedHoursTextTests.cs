using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;

namespace StationMap.Tests.Feeds;

/// <summary>
/// The hours a provider shows on the POI card (营业时间) come from these columns. They carry our storage syntax,
/// "Mo-Fr 08:00-18:00; PH off" and "24/7", so Amap / Baidu show couriers "Mo-Fr" and "PH off" (or their reviewers
/// reject the field). The courier page already renders the same value as 周一至周五 08:00-18:00; the feeds must too.
/// </summary>
public sealed class FeedHoursTextTests
{
    private static readonly FeedProfileCatalog Catalog = FeedProfileCatalog.Load(null);

    [Theory]
    [InlineData("amap-yuntu", "opentime")]
    [InlineData("baidu-geotable", "open_time")]
    [InlineData("poi-sheet-amap", "开放时间")]
    [InlineData("poi-sheet-baidu", "开放时间")]
    public void Opening_hours_reach_the_provider_in_chinese(string profileId, string header)
    {
        var profile = Catalog.Find(profileId)!;
        var column = profile.Columns.Select((c, i) => (c, i)).Single(x => x.c.Header == header).i;
        var builder = new FeedRowBuilder(profile, FeedStations.Lookups);

        var weekdays = FeedStations.Make(1, "X1", "站", "北京市海淀区某路1号", "110108", 116.3, 39.9, s => s.OpeningHours = "Mo-Fr 08:00-18:00; Sa,Su off; PH off");
        var text = (string)builder.Build(weekdays).Row!.Cells[column];
        Assert.DoesNotContain("Mo", text);
        Assert.DoesNotContain("PH", text);
        Assert.Contains("周一至周五", text);

        var always = FeedStations.Make(2, "X2", "站", "北京市海淀区某路2号", "110108", 116.3, 39.9, s => s.OpeningHours = "24/7");
        Assert.NotEqual("24/7", (string)builder.Build(always).Row!.Cells[column]);
    }
}
