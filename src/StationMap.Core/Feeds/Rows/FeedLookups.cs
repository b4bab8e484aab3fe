using StationMap.Divisions;

namespace StationMap.Feeds.Rows;

/// <summary>Names a row needs besides the station: districts (GB/T 2260) and managing organisations.</summary>
public sealed class FeedLookups(AdministrativeDivisions divisions, IReadOnlyDictionary<long, string> organizationNames)
{
    public static FeedLookups Default(IReadOnlyDictionary<long, string>? organizationNames = null) =>
        new(AdministrativeDivisions.LoadDefault(), organizationNames ?? new Dictionary<long, string>());

    public string District(string adcode) => divisions.Find(adcode)?.Name ?? "";

    public string City(string adcode) =>
        adcode.Length == 6 ? divisions.Find(string.Concat(adcode.AsSpan(0, 4), "00"))?.Name ?? "" : "";

    public string Province(string adcode) => divisions.ProvinceName(adcode) ?? "";

    public string? Organization(long? id) => id is { } v ? organizationNames.GetValueOrDefault(v) : null;

    /// <summary>A sheet title that is unique and readable: "海淀区 110108" (Excel allows 31 characters).</summary>
    public string SheetName(string adcode)
    {
        var name = District(adcode);
        var title = name.Length == 0 ? adcode : $"{name} {adcode}";
        return title.Length <= 31 ? title : title[^31..];
    }
}
