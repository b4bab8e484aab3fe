namespace StationMap.Stations;

/// <summary>
/// The one place a station's text limits are written: the EF configuration sizes the columns from these,
/// and the shared rules (<see cref="StationTextRules"/>) check them, so the database never has to refuse a value.
/// </summary>
public static class StationLimits
{
    public const int Code = 32;
    public const int Name = 100;
    /// <summary>What we accept for a name: Baidu's batch limit for titles, below the column's <see cref="Name"/>.</summary>
    public const int PublishedName = 45;
    public const int Address = 200;
    public const int Adcode = 6;
    public const int OpeningHours = 200;
    public const int Phone = 60;
    public const int HostOrganization = 100;
    public const int Notes = 2000;
    public const int Actor = 100;
    public const int Reason = 500;
    /// <summary>Photos are links, not uploads: a handful per station, each an http(s) URL of sensible length.</summary>
    public const int Photos = 20;
    public const int PhotoUrl = 500;
}
