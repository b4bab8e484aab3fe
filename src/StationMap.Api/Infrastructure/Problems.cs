using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Common;

namespace StationMap.Api;

/// <summary>Every error leaves as ProblemDetails with Chinese and English text.</summary>
internal static class Problems
{
    public static ValidationProblem Validation(IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        var dict = list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return TypedResults.ValidationProblem(dict, title: "输入有误 / invalid input",
            detail: string.Join("; ", list.Select(e => $"{e.Field}: {e.Message}")),
            extensions: new Dictionary<string, object?> { ["codes"] = list.Select(e => new { e.Field, e.Code }).ToList() });
    }

    public static ValidationProblem Parameter(string name, string chinese, string english) =>
        Validation([FieldError.Of(name, "invalid_parameter", chinese, english)]);

    public static ProblemHttpResult Status(int status, string title, string detail, object? extra = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: extra is null ? null : new Dictionary<string, object?> { ["current"] = extra });

    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Status(status, title, detail).ExecuteAsync(context);
}
