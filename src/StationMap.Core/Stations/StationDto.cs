using System.Text.Json.Serialization;

namespace StationMap.Stations;

/// <summary>A point with the coordinate system it is written in — never a bare pair.</summary>
public sealed record LocationDto(double Lng, double Lat, string Coordsys);

/// <summary>
/// A station as the API and CLI return it. The internal fields (actors, notes, managing organisation) are null,
/// and left out of the JSON, in the public view: see <see cref="Mapping.Mappings.ToPublicDto"/>.
/// </summary>
public sealed record StationDto
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Address { get; init; }
    public required string Adcode { get; init; }
    public required LocationDto Location { get; init; }
    public required LocationDto Submitted { get; init; }
    public required string Type { get; init; }
    public decimal? AreaM2 { get; init; }
    public required List<string> Services { get; init; }
    public string? OpeningHours { get; init; }
    public string? Phone { get; init; }
    public string? HostOrganization { get; init; }
    public required string HostKind { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ManagingOrgId { get; init; }
    public bool IsPublic { get; init; }
    public required string Status { get; init; }
    public required List<string> Photos { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notes { get; init; }
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CreatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpdatedBy { get; init; }
}
