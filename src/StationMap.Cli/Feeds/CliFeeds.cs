using StationMap.Feeds;
using StationMap.Feeds.Profiles;

namespace StationMap.Cli.Feeds;

/// <summary>Feed settings for the CLI, from the same keys as the API (environment: Feeds__ProfileFolder, Feeds__OutputFolder).</summary>
internal static class CliFeeds
{
    public static FeedOptions Options() => new FeedOptions
    {
        ProfileFolder = Environment.GetEnvironmentVariable("Feeds__ProfileFolder"),
        OutputFolder = Environment.GetEnvironmentVariable("Feeds__OutputFolder") ?? ".local/exports",
    }.Rooted(Directory.GetCurrentDirectory());

    public static FeedProfileCatalog Catalog(FeedOptions options)
    {
        try
        {
            return FeedProfileCatalog.Load(options.ProfileFolder);
        }
        catch (FeedProfileException e)
        {
            throw new CliException(e.Message);
        }
    }
}
