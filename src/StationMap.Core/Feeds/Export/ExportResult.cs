namespace StationMap.Feeds.Export;

public sealed record ExportRequest(string Profile, string Adcode, ExportKind Kind);

public enum ExportOutcome { Created, Unchanged, ProfileNotFound, Invalid, Forbidden }

/// <summary><see cref="ExportOutcome.Unchanged"/>: the content equals the latest batch of the same profile, scope and kind, which is returned.</summary>
public sealed record ExportResult(ExportOutcome Outcome, ExportBatch? Batch, string? Message = null)
{
    public static ExportResult Fail(ExportOutcome outcome, string message) => new(outcome, null, message);
}
