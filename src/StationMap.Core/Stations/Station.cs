using NetTopologySuite.Geometries;
using StationMap.Geo;

namespace StationMap.Stations;

/// <summary>One outdoor-worker service station. Location is stored in WGS-84 only.</summary>
public sealed class Station
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    /// <summary>6-digit GB/T 2260 district code.</summary>
    public required string Adcode { get; set; }
    /// <summary>WGS-84 point (geography). X = longitude, Y = latitude.</summary>
    public required Point Location { get; set; }
    /// <summary>The coordinates exactly as submitted, with their system, so a conversion can be audited.</summary>
    public double SubmittedLng { get; set; }
    public double SubmittedLat { get; set; }
    public CoordSys SubmittedCoordSys { get; set; }
    public StationType Type { get; set; }
    public decimal? AreaM2 { get; set; }
    /// <summary>Service codes from <see cref="ServiceCatalog"/>.</summary>
    public List<string> Services { get; set; } = [];
    /// <summary>Services staff named that the catalog does not know, as written ("按摩椅、报刊").</summary>
    public string? OtherServices { get; set; }
    /// <summary>Canonical OSM opening_hours subset (see Hours/).</summary>
    public string? OpeningHours { get; set; }
    public string? Phone { get; set; }
    public string? HostOrganization { get; set; }
    public HostKind HostKind { get; set; }
    public long? ManagingOrgId { get; set; }
    public bool IsPublic { get; set; } = true;
    /// <summary>无障碍: a step-free entrance; null when nobody has said.</summary>
    public bool? Accessible { get; set; }
    public StationStatus Status { get; set; } = StationStatus.Active;
    public List<string> Photos { get; set; } = [];
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    /// <summary>Optimistic-concurrency version, starts at 1 and grows by one per change.</summary>
    public int Version { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }

    public double Lng => Location.X;
    public double Lat => Location.Y;
}
