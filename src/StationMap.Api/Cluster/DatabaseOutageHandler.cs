using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace StationMap.Api.Cluster;

/// <summary>
/// A request that needs a database server which is down, stalled, being promoted or read-only answers
/// 503 + Retry-After instead of 500: the client (or the balancer, for a GET) should simply try again.
/// A minimal version of the central outage mapping; the hardening branch's mapping supersedes it.
/// </summary>
internal sealed partial class DatabaseOutageHandler(ILogger<DatabaseOutageHandler> log) : IExceptionHandler
{
    /// <summary>About how long a failover (promote + Npgsql's host recheck) takes.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (http.Response.HasStarted || !IsOutage(exception)) return false;
        LogOutage(http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Write(http, StatusCodes.Status503ServiceUnavailable, "数据库暂不可用 / database unavailable",
            $"数据库暂时无法处理请求，请 {RetryAfterSeconds} 秒后重试 / the database cannot take this request now; retry after {RetryAfterSeconds} s");
        return true;
    }

    /// <summary>Connection-level failures (refused, timed out, no read-write host) and the server states of an outage.</summary>
    public static bool IsOutage(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg)
                return pg.SqlState.StartsWith("08", StringComparison.Ordinal)    // connection exception
                    || pg.SqlState.StartsWith("57P0", StringComparison.Ordinal)  // admin/crash shutdown, cannot connect now
                    || pg.SqlState.StartsWith("53", StringComparison.Ordinal)    // insufficient resources, too many connections
                    || pg.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction; // reached a standby
            if (e is NpgsqlException) return true;
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}: {Reason}; answered 503")]
    private partial void LogOutage(string method, string path, string reason);
}
