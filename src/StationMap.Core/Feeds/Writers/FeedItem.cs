using StationMap.Feeds.Rows;

namespace StationMap.Feeds.Writers;

public enum FeedChange { Added, Changed, Withdrawn }

/// <summary>A row on its way into a file; <see cref="Change"/> is null in a full export.</summary>
public sealed record FeedItem(FeedRow Row, FeedChange? Change);

/// <summary>Where a sink writes and how its files are named: "{profile}-{adcode}-{kind}".</summary>
/// <param name="Adcodes">The area's adcodes, for the xlsx summary sheet; the exporter leaves it empty for text formats.</param>
public sealed record FeedTarget(string Folder, string BaseName, bool Incremental, IReadOnlyList<string> Adcodes);

public static class FeedChangeNames
{
    public static string Wire(this FeedChange c) => c switch
    {
        FeedChange.Added => "added",
        FeedChange.Changed => "changed",
        _ => "withdrawn",
    };
}
