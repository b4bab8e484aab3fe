namespace StationMap.Publication;

/// <summary>not submitted → submitted → online / rejected → needs update → withdrawn.</summary>
public enum PublicationState { NotSubmitted, Submitted, Online, Rejected, NeedsUpdate, Withdrawn }

/// <summary>Where one station stands with one provider, and the content hash last submitted there.</summary>
public sealed class PublicationRecord
{
    public long Id { get; set; }
    public long StationId { get; set; }
    public required string StationCode { get; set; }
    public required string Provider { get; set; }
    public PublicationState State { get; set; }
    /// <summary>SHA-256 of the row last submitted; an incremental export compares against it.</summary>
    public string? ContentHash { get; set; }
    /// <summary>The profile that produced <see cref="ContentHash"/>.</summary>
    public string? Profile { get; set; }
    public long? LastBatchId { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? ProviderPoiId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
