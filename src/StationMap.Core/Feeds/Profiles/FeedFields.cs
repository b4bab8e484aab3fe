namespace StationMap.Feeds.Profiles;

/// <summary>The station fields a profile column may name as its source or inside a template.</summary>
public static class FeedFields
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "code", "name", "address", "adcode", "district", "city", "province", "lng", "lat", "location", "coordsys",
        "phone", "hours", "hoursOsm", "services", "servicesEn", "type", "area", "host", "hostKind", "manager", "photos", "photo", "version",
    };

    /// <summary>Fields that carry the station name: never truncated silently.</summary>
    public static bool IsName(FeedColumn c) => c.Source == "name" || (c.Template?.Contains("{name}", StringComparison.Ordinal) ?? false);
}

