using StationMap.Common;

namespace StationMap.Stations;

public enum WriteOutcome { Ok, Created, NotFound, Conflict, Forbidden, Invalid }

/// <summary>What a write did; the API turns each outcome into its HTTP answer.</summary>
public sealed record StationWriteResult(WriteOutcome Outcome, Station? Station = null, IReadOnlyList<FieldError>? Errors = null, string? Detail = null)
{
    public static StationWriteResult Invalid(IReadOnlyList<FieldError> errors) => new(WriteOutcome.Invalid, Errors: errors);
    public static StationWriteResult Forbidden(string detail) => new(WriteOutcome.Forbidden, Detail: detail);
    public static readonly StationWriteResult NotFound = new(WriteOutcome.NotFound);
    public static StationWriteResult Conflict(Station current, string detail) => new(WriteOutcome.Conflict, current, Detail: detail);
}
