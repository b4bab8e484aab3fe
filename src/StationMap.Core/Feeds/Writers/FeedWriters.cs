using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;

namespace StationMap.Feeds.Writers;

/// <summary>Picks the writer for a profile's format.</summary>
public static class FeedWriters
{
    public static IReadOnlyList<WrittenFile> Write(FeedProfile profile, FeedLookups lookups, IEnumerable<FeedItem> items, FeedTarget target) =>
        profile.IsXlsx ? new XlsxFeedWriter(profile, lookups).Write(items, target) : new TextFeedWriter(profile).Write(items, target);
}
