using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using StationMap.Common;
using StationMap.Stations;

namespace StationMap.Api.Errors;

/// <summary>
/// The one place an exception becomes an answer, so none leaves as a bare 500 or with a stack trace:
/// a body that does not bind → 400 naming the field ($.lng) or parameter; the database unreachable → 503 with
/// Retry-After (it recovers by itself: the pool opens new connections once the server is back); a value the
/// database refuses → 400/409 naming the field; anything else → 500 ProblemDetails with the trace id only.
/// A request whose deadline passed (Cluster/RequestDeadline: a stalled server) answers the same 503.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (http.Response.HasStarted) return false;
        // The caller went away: nobody reads an answer, and it is not a server error worth a log line.
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            http.Response.StatusCode = 499;
            return true;
        }
        await WriteAsync(http, Classify(http, exception));
        return true;
    }

    /// <summary>The request's deadline passed (written by the request timeouts middleware): usually a database that does
    /// not answer, but time queued behind the concurrency limit counts too, so the message names neither for certain.</summary>
    public static Task WriteUnavailableAsync(HttpContext http, TimeSpan deadline)
    {
        http.RequestServices.GetRequiredService<ILogger<ApiExceptionHandler>>().LogWarning(
            "Deadline of {Deadline} passed for {Method} {Path}", deadline, http.Request.Method, http.Request.Path);
        return WriteAsync(http, Unavailable(
            $"请求未能在 {deadline.TotalSeconds:0.#} 秒内完成（数据库繁忙或不可用），请 {RetryAfterSeconds} 秒后重试 / the request could not be completed within {deadline.TotalSeconds:0.#} seconds (the database is busy or unavailable); retry in {RetryAfterSeconds} seconds"));
    }

    private static Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        problem.Extensions["traceId"] = http.TraceIdentifier;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(problem).ExecuteAsync(http);
    }

    private static ProblemDetails Unavailable(string detail) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable, Title = "服务暂不可用 / service temporarily unavailable", Detail = detail,
    };

    private ProblemDetails Classify(HttpContext http, Exception e)
    {
        if (e is BadHttpRequestException bad) return BadRequest(bad);
        if (IsOutage(e, http))
        {
            logger.LogWarning("Database unavailable for {Method} {Path}: {Error}", http.Request.Method, http.Request.Path, e.GetBaseException().Message);
            return Unavailable($"数据库暂时无法访问，请 {RetryAfterSeconds} 秒后重试 / the database cannot be reached right now; retry in {RetryAfterSeconds} seconds");
        }
        if (StationDbErrors.Find(e) is { } pg && StationDbErrors.IsInputError(pg))
        {
            var field = StationDbErrors.ToFieldError(pg);
            var status = pg.SqlState == PostgresErrorCodes.UniqueViolation ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return FieldProblems.Details(status, "输入有误 / invalid input", [field]);
        }
        logger.LogError(e, "Unhandled error for {Method} {Path}", http.Request.Method, http.Request.Path);
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError, Title = "内部错误 / internal error",
            Detail = "请求未能完成，请稍后重试；如持续出现请联系管理员并提供 traceId / the request could not be completed; if this persists, tell an administrator the traceId",
        };
    }

    /// <summary>Connection-level failures and timeouts: the server is down, restarting or overloaded — not the request's fault.</summary>
    private static bool IsOutage(Exception e, HttpContext http)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState == PostgresErrorCodes.QueryCanceled && !http.RequestAborted.IsCancellationRequested
                        || pg.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction; // a write reached a standby mid-failover
                case NpgsqlException:
                case TimeoutException:
                case SocketException:
                    return true;
            }
        }
        return false;
    }

    private static ProblemDetails BadRequest(BadHttpRequestException e)
    {
        var (field, error) = e.InnerException is JsonException json
            ? JsonField(json)
            : ParameterOf(e.Message) is { } parameter
                ? (parameter, FieldError.Of(parameter, "invalid_parameter", $"参数 {parameter} 的值无法识别", $"the value of {parameter} could not be read"))
                : ("body", FieldError.Of("body", "invalid_request", "请求无法识别（请发送 JSON，Content-Type: application/json）",
                    $"the request could not be read ({Trim(e.Message)})"));
        var details = FieldProblems.Details(e.StatusCode, "输入有误 / invalid input", [error]);
        details.Extensions["field"] = field;
        return details;
    }

    private static (string, FieldError) JsonField(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        return (path, path == "$"
            ? FieldError.Of(path, "invalid_json", "请求体不是有效的 JSON 对象", "the body is not a valid JSON object")
            : FieldError.Of(path, "wrong_type", $"{path} 的值类型不对或格式错误", $"{path} has the wrong type or is malformed"));
    }

    // "Failed to bind parameter "int? version" from "abc"." / "Required parameter "string code" was not provided ..."
    [GeneratedRegex("""parameter "(?:[^"]*[\s?])?([A-Za-z_][A-Za-z0-9_]*)"[^"]*""")]
    private static partial Regex ParameterName();

    private static string? ParameterOf(string message) =>
        ParameterName().Match(message) is { Success: true } m && !message.Contains("from body", StringComparison.Ordinal) ? m.Groups[1].Value : null;

    private static string Trim(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
