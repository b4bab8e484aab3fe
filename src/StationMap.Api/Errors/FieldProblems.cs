using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Common;

namespace StationMap.Api.Errors;

/// <summary>Field errors answered with a status other than 400 (409 duplicate, 428 precondition), shaped like a validation problem.</summary>
internal static class FieldProblems
{
    public static ProblemHttpResult Of(int status, string title, IReadOnlyList<FieldError> errors) =>
        TypedResults.Problem(Details(status, title, errors));

    public static HttpValidationProblemDetails Details(int status, string title, IReadOnlyList<FieldError> errors) => new(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
    {
        Status = status, Title = title,
        Detail = string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
        Extensions = { ["codes"] = errors.Select(e => new { e.Field, e.Code }).ToList() },
    };
}
