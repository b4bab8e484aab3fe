using StationMap.Common;

namespace StationMap.Stations;

public enum WriteOutcome { Ok, Created, NotFound, Conflict, Forbidden, Invalid, Duplicate, PreconditionRequired, NotDeleted }

/// <summary>What a write did; the API turns each outcome into its HTTP answer.</summary>
public sealed record StationWriteResult(WriteOutcome Outcome, Station? Station = null, IReadOnlyList<FieldError>? Errors = null, string? Detail = null)
{
    public static StationWriteResult Invalid(IReadOnlyList<FieldError> errors) => new(WriteOutcome.Invalid, Errors: errors);
    public static StationWriteResult Forbidden(string detail) => new(WriteOutcome.Forbidden, Detail: detail);
    public static readonly StationWriteResult NotFound = new(WriteOutcome.NotFound);
    public static StationWriteResult Duplicate(string code) => new(WriteOutcome.Duplicate,
        Errors: [FieldError.Of("code", "duplicate", $"站点编码已存在：{code}", $"code already exists: {code}")]);
    public static readonly StationWriteResult VersionRequired = new(WriteOutcome.PreconditionRequired,
        Errors: [FieldError.Of("version", "required", "删除时必须提供版本号（version 参数或 If-Match 请求头）",
            "version is required to delete (the version parameter or an If-Match header)")]);
    public static readonly StationWriteResult RestoreVersionRequired = new(WriteOutcome.PreconditionRequired,
        Errors: [FieldError.Of("version", "required", "恢复时必须提供版本号（version 参数或 If-Match 请求头；即删除后的版本）",
            "version is required to restore (the version parameter or an If-Match header: the version the delete left)")]);
    public static StationWriteResult NotDeleted(Station current) => new(WriteOutcome.NotDeleted, current,
        Detail: $"站点 {current.Code} 未被删除，无需恢复（当前版本 {current.Version}） / station {current.Code} is not deleted; there is nothing to restore (current version {current.Version})");
    public static StationWriteResult Conflict(Station current, string detail) => new(WriteOutcome.Conflict, current, Detail: detail);
}
