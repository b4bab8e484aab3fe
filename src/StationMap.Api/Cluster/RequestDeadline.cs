using Microsoft.AspNetCore.Http.Timeouts;
using Npgsql;

namespace StationMap.Api.Cluster;

/// <summary>
/// A deadline on every endpoint (ASP.NET Core's request timeouts): when it passes, the request's cancellation token
/// fires, Npgsql abandons the connection attempt or command, and the request answers 503 with Retry-After instead of
/// waiting for a stalled database server. Npgsql's own timeouts bound each step; the deadline bounds their sum (a write
/// is a key lookup, then a transaction). Endpoints that legitimately run long or stream big bodies opt out with
/// <c>DisableRequestTimeout()</c>: coverage runs, exports and their downloads, uploads, OGC item pages.
/// Static files are served before the deadline starts.
/// </summary>
internal static class RequestDeadline
{
    public const string Section = "Database";

    /// <summary>
    /// <c>Database:RequestTimeoutSeconds</c>; unset, the connection string's Command Timeout (Npgsql's default: 30 s),
    /// so one setting tunes both. Npgsql may add up to the connection Timeout on top while it tries to cancel a command
    /// on a server that does not answer, and a command it cannot cancel early (the first on a pooled connection or
    /// after BEGIN waits for the server's answer to those: npgsql/npgsql#5191) runs to its Command Timeout.
    /// </summary>
    public static TimeSpan Of(IConfiguration config, string connectionString) =>
        TimeSpan.FromSeconds(config.GetValue<int?>($"{Section}:RequestTimeoutSeconds")
            ?? new NpgsqlConnectionStringBuilder(connectionString).CommandTimeout);

    public static IServiceCollection AddRequestDeadline(this IServiceCollection services, IConfiguration config, string connectionString)
    {
        var deadline = Of(config, connectionString);
        return services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = deadline <= TimeSpan.Zero ? null : deadline,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = http => Errors.ApiExceptionHandler.WriteUnavailableAsync(http, deadline),
        });
    }
}
