namespace StationMap.Publication;

/// <summary>A hand-made change of one station's status with one provider (PUT /publication/{code}/{provider}).</summary>
public sealed record PublicationUpdate(string State, string? ProviderPoiId, string? Reason);

/// <summary>The outcome of reading a provider's result file: what matched, and every row that did not.</summary>
public sealed record ResultImportReport(string Provider, int Rows, int Matched, int Updated, List<UnmatchedRow> Unmatched);

public sealed record UnmatchedRow(int Row, string? Code, string? Name, string Reason);

public sealed record PublicationRecordDto(string Code, string Provider, string State, string? ProviderPoiId, string? Reason,
    long? LastBatchId, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static PublicationRecordDto From(PublicationRecord r) =>
        new(r.StationCode, r.Provider, r.State.Wire(), r.ProviderPoiId, r.Reason, r.LastBatchId, r.SubmittedAt, r.UpdatedAt, r.UpdatedBy);
}
