namespace StationMap.Feeds;

/// <summary>Configuration section "Feeds".</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>Extra or replacement profile files (*.json); read at start-up, no rebuild needed.</summary>
    public string? ProfileFolder { get; set; }

    /// <summary>Where batch files are kept; relative paths are under the content root.</summary>
    public string OutputFolder { get; set; } = ".local/exports";

    public FeedOptions Rooted(string root) => new()
    {
        ProfileFolder = string.IsNullOrWhiteSpace(ProfileFolder) ? null : Path.GetFullPath(ProfileFolder, root),
        OutputFolder = Path.GetFullPath(OutputFolder, root),
    };
}
