using StationMap.Feeds.Profiles;

namespace StationMap.Publication;

/// <summary>
/// The names a provider may report back for a station: the stored name, or the name as a profile of that provider
/// submitted it — with the keyword suffix of its name column (poi-sheet profiles: "（工会驿站）"). A result row's name
/// is read back to the stored names it may stand for; brackets match full-width or half-width.
/// </summary>
public sealed class SubmittedNames
{
    private readonly string[] _suffixes;

    public SubmittedNames(IEnumerable<string> suffixes) =>
        _suffixes = suffixes.Select(s => Brackets(s.Trim())).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The name suffixes of the provider's profiles (the name columns' <see cref="FeedColumn.Suffix"/>).</summary>
    public static SubmittedNames For(FeedProfileCatalog catalog, string provider) => new(catalog.All
        .Where(p => string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase))
        .SelectMany(p => p.Columns).Where(c => FeedFields.IsName(c) && c.Suffix is not null).Select(c => c.Suffix!));

    /// <summary>The stored names a reported name may stand for: itself, and itself without a profile's suffix.</summary>
    public IEnumerable<string> Candidates(string reported)
    {
        var name = reported.Trim();
        yield return name;
        var normal = Brackets(name);
        foreach (var suffix in _suffixes)
            if (normal.Length > suffix.Length && normal.EndsWith(suffix, StringComparison.Ordinal))
                yield return name[..(name.Length - suffix.Length)].TrimEnd();
    }

    // Comparison only: full-width and half-width round brackets are the same bracket.
    private static string Brackets(string text) => text.Replace('（', '(').Replace('）', ')');
}
