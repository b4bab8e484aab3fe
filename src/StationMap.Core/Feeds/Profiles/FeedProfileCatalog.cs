using System.Text.Json;

namespace StationMap.Feeds.Profiles;

/// <summary>
/// The profiles in use: the built-in ones embedded in this assembly, then every *.json in the configured
/// folder (same id replaces, new id adds) — so a publisher can change a profile without a rebuild.
/// </summary>
public sealed class FeedProfileCatalog
{
    private const string ResourcePrefix = "StationMap.Feeds.Builtin.";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, FeedProfile> _byId;

    private FeedProfileCatalog(Dictionary<string, FeedProfile> byId) => _byId = byId;

    public IReadOnlyCollection<FeedProfile> All => _byId.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();

    public FeedProfile? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Loads and validates; throws <see cref="FeedProfileException"/> listing every problem.</summary>
    public static FeedProfileCatalog Load(string? folder)
    {
        var errors = new List<string>();
        var byId = new Dictionary<string, FeedProfile>(StringComparer.Ordinal);
        foreach (var (origin, text) in Builtin().Concat(FromFolder(folder, errors)))
        {
            var profile = Parse(origin, text, errors);
            if (profile is null) continue;
            var problems = FeedProfileValidator.Validate(profile);
            errors.AddRange(problems);
            if (problems.Count == 0) byId[profile.Id] = profile;
        }
        if (errors.Count > 0) throw new FeedProfileException(errors);
        return new FeedProfileCatalog(byId);
    }

    private static FeedProfile? Parse(string origin, string text, List<string> errors)
    {
        try
        {
            var p = JsonSerializer.Deserialize<FeedProfile>(text, Json);
            if (p is null) errors.Add($"{origin}: the file is empty");
            return p is null ? null : p with { Origin = origin };
        }
        catch (JsonException e)
        {
            errors.Add($"{origin}: {e.Path}: {e.Message}");
            return null;
        }
    }

    private static IEnumerable<(string Origin, string Text)> Builtin()
    {
        var assembly = typeof(FeedProfileCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return ($"built-in {name[ResourcePrefix.Length..]}", reader.ReadToEnd());
        }
    }

    private static IEnumerable<(string Origin, string Text)> FromFolder(string? folder, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(folder)) yield break;
        if (!Directory.Exists(folder))
        {
            errors.Add($"Feeds:ProfileFolder: folder '{folder}' does not exist");
            yield break;
        }
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            yield return (file, File.ReadAllText(file));
    }
}

public sealed class FeedProfileException(IReadOnlyList<string> errors)
    : Exception("feed profiles are invalid / 地图数据模板有误:\n  " + string.Join("\n  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
