using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace StationMap.Api;

public sealed class RateLimitOptions
{
    /// <summary>Requests per client IP per window on public reads; 0 turns limiting off.</summary>
    public int PublicPermits { get; set; } = 300;
    public int WindowSeconds { get; set; } = 60;
}

internal static class RateLimits
{
    public const string Public = "public";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(options);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Public, http => options.PublicPermits <= 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PublicPermits, Window = TimeSpan.FromSeconds(options.WindowSeconds) }));
            limiter.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(options.WindowSeconds);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Problems.Write(context.HttpContext, 429, "请求过于频繁 / too many requests",
                    $"请 {Math.Ceiling(retry.TotalSeconds)} 秒后重试 / retry after {Math.Ceiling(retry.TotalSeconds)} s");
            };
        });
        return services;
    }

    /// <summary>
    /// The public limit on an endpoint, or nothing when limiting is off (PublicPermits = 0): then the
    /// rate-limiter middleware passes the request straight on instead of leasing from a no-op limiter.
    /// </summary>
    public static TBuilder RequirePublicRateLimit<TBuilder>(this TBuilder builder, IEndpointRouteBuilder app) where TBuilder : IEndpointConventionBuilder =>
        app.ServiceProvider.GetRequiredService<RateLimitOptions>().PublicPermits > 0 ? builder.RequireRateLimiting(Public) : builder;
}
