namespace StationMap.Feeds.Profiles;

/// <summary>The station fields a profile column may name as its source or inside a template.</summary>
public static class FeedFields
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "code", "name", "address", "adcode", "district", "city", "province", "lng", "lat", "location", "coordsys",
        "phone", "hours", "hoursOsm", "services", "servicesEn", "type", "area", "host", "hostKind", "manager", "photos", "photo", "version",
        ProviderPoiId,
    };

    /// <summary>The POI id the profile's provider gave the station (from its publication record; empty when none is known).
    /// Not part of the content hash: recording the id after a result file does not make the station "changed".</summary>
    public const string ProviderPoiId = "providerPoiId";

    /// <summary>Columns left out of the content hash: the version (bumped by fields the provider never sees) and the POI id.</summary>
    public static bool OutsideHash(FeedColumn c) =>
        c.Source is "version" or ProviderPoiId || (c.Template?.Contains("{" + ProviderPoiId + "}", StringComparison.Ordinal) ?? false);

    /// <summary>Fields that carry the station name: never truncated silently.</summary>
    public static bool IsName(FeedColumn c) => c.Source == "name" || (c.Template?.Contains("{name}", StringComparison.Ordinal) ?? false);
}

