using StationMap.Geo;

namespace StationMap.Stations;

/// <summary>A validated, normalised station input: every value is ready to store.</summary>
public sealed record StationFields(
    string? Code,
    string Name,
    string Address,
    string Adcode,
    Coordinate Submitted,
    Coordinate Wgs84,
    StationType Type,
    decimal? AreaM2,
    List<string> Services,
    string? OpeningHours,
    string? Phone,
    string? HostOrganization,
    HostKind HostKind,
    bool IsPublic,
    StationStatus Status,
    List<string> Photos,
    string? Notes)
{
    /// <summary>Service words the catalog does not know, kept as written.</summary>
    public string? OtherServices { get; init; }

    /// <summary>无障碍 (step-free entrance); null: unknown.</summary>
    public bool? Accessible { get; init; }
}
