using StationMap.Orgs;

namespace StationMap.Auth;

/// <summary>A staff API key. Only its SHA-256 hash is stored; the key itself is shown once.</summary>
public sealed class StaffKey
{
    public long Id { get; set; }
    /// <summary>First characters of the key, kept in clear to identify it in logs and lists.</summary>
    public required string Prefix { get; set; }
    public required byte[] Hash { get; set; }
    public required string Label { get; set; }
    public StaffRole Role { get; set; }
    public long OrganizationId { get; set; }
    public UnionOrganization? Organization { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
