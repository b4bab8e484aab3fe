namespace StationMap.Stations;

/// <summary>
/// What a caller submits to create or replace a station. Coordinates come with their system;
/// they are converted to WGS-84 on write and kept as submitted.
/// </summary>
public sealed record StationInput
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Address { get; init; }
    public string? Adcode { get; init; }
    public double? Lng { get; init; }
    public double? Lat { get; init; }
    public string? Coordsys { get; init; }
    public string? Type { get; init; }
    public decimal? AreaM2 { get; init; }
    public List<string>? Services { get; init; }
    /// <summary>Services the catalog does not list, as free text (at most 200 characters).</summary>
    public string? OtherServices { get; init; }
    public string? OpeningHours { get; init; }
    public string? Phone { get; init; }
    public string? HostOrganization { get; init; }
    public string? HostKind { get; init; }
    public bool? IsPublic { get; init; }
    /// <summary>无障碍: the entrance is step-free (null: unknown).</summary>
    public bool? Accessible { get; init; }
    public string? Status { get; init; }
    public List<string>? Photos { get; init; }
    public string? Notes { get; init; }
    /// <summary>Required on update: the version the caller last read.</summary>
    public int? Version { get; init; }
    /// <summary>Why the change was made; kept in the history.</summary>
    public string? Reason { get; init; }
}
