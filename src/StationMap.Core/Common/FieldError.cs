namespace StationMap.Common;

/// <summary>
/// One problem with one input field. <see cref="Message"/> is shown to users as written:
/// Chinese first, then English ("名称不能为空 / name is required").
/// </summary>
public sealed record FieldError(string Field, string Code, string Message)
{
    public static FieldError Of(string field, string code, string chinese, string english) =>
        new(field, code, $"{chinese} / {english}");
}
