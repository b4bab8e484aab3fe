using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace StationMap.Api;

/// <summary>Section "RateLimits". Why each limit is what it is: docs/architecture.md, "Limits".</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>
    /// Requests in the app at once before new ones are shed with 503 + Retry-After (0 = 32 per core). Bounds the
    /// requests waiting on the database or on CPU, so latency stays flat instead of growing with the backlog.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, int.MaxValue)]
    public int MaxConcurrentRequests { get; set; }

    /// <summary>Requests that may wait for a slot before shedding starts; 0 sheds at once.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, int.MaxValue)]
    public int ConcurrencyQueue { get; set; }

    /// <summary>
    /// Work items queued in the thread pool before new requests are shed (0 = 128 per core). A request that costs only
    /// CPU never waits inside the app, where the concurrency limit counts: it waits in the thread pool's queue before
    /// Kestrel starts it. That queue's length is its wait, so past this length a request is answered 503 at once.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, int.MaxValue)]
    public int MaxQueuedWork { get; set; }

    /// <summary>Cheap public reads (nearest, station pages) per client per window; 0 turns per-client limits off.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, int.MaxValue)]
    public int PublicPermits { get; set; } = 6000;

    [System.ComponentModel.DataAnnotations.Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 30;

    /// <summary>Expensive anonymous requests (text search q=) per client per window.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int SearchPermits { get; set; } = 20;

    [System.ComponentModel.DataAnnotations.Range(1, 86_400)]
    public int SearchWindowSeconds { get; set; } = 60;

    public int MaxConcurrentRequestsOrDefault => MaxConcurrentRequests > 0 ? MaxConcurrentRequests : 32 * Environment.ProcessorCount;

    public int MaxQueuedWorkOrDefault => MaxQueuedWork > 0 ? MaxQueuedWork : 128 * Environment.ProcessorCount;
}

/// <summary>
/// Two limits, both from ASP.NET Core's rate limiter. A global concurrency limit protects the service (503:
/// "we are full, retry in a second" — nobody's fault). Per-client token buckets protect it from one client
/// (429): generous on cheap reads, since thousands of couriers share one carrier-NAT address; tight only on
/// expensive ones. Valid staff keys are never limited per client. Health and metrics are never limited.
/// </summary>
internal static class RateLimits
{
    public const string Public = "public";
    private const int ShedRetrySeconds = 1;

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var options = configured.Value;
            var concurrency = new ConcurrencyLimiterOptions { PermitLimit = options.MaxConcurrentRequestsOrDefault, QueueLimit = options.ConcurrencyQueue };
            var maxQueued = options.MaxQueuedWorkOrDefault;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsInfrastructure(http.Request.Path) ? RateLimitPartition.GetNoLimiter("infrastructure")
                : ThreadPool.PendingWorkItemCount > maxQueued ? RateLimitPartition.Get("backlog", _ => Full.Instance)
                : RateLimitPartition.GetConcurrencyLimiter("all", _ => concurrency));
            limiter.AddPolicy(Public, http => PerClient(http, options));
            limiter.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static bool IsInfrastructure(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    private static RateLimitPartition<string> PerClient(HttpContext http, RateLimitOptions options)
    {
        if (options.PublicPermits <= 0 || http.User.Identity?.IsAuthenticated == true) return RateLimitPartition.GetNoLimiter("exempt");
        var client = ClientKey.Of(http.Connection.RemoteIpAddress);
        return IsExpensive(http.Request)
            ? Bucket("search " + client, options.SearchPermits, options.SearchWindowSeconds)
            : Bucket("read " + client, options.PublicPermits, options.WindowSeconds);
    }

    /// <summary>Text search runs a trigram scan in the database; everything else public is an index or key lookup.</summary>
    private static bool IsExpensive(HttpRequest request) => !string.IsNullOrWhiteSpace(request.Query["q"]);

    /// <summary>A bucket of <paramref name="permits"/> that refills evenly over <paramref name="seconds"/>.</summary>
    private static RateLimitPartition<string> Bucket(string key, int permits, int seconds) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ =>
        {
            var perSecond = (double)permits / seconds;
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits,
                QueueLimit = 0,
                TokensPerPeriod = Math.Max(1, (int)perSecond),
                ReplenishmentPeriod = perSecond >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / perSecond),
            };
        });

    /// <summary>
    /// A token bucket says when a token comes back (429 + that Retry-After); the concurrency limit has no such
    /// time (503 + a short Retry-After).
    /// </summary>
    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Problems.Write(http, StatusCodes.Status429TooManyRequests, "请求过于频繁 / too many requests",
                $"请 {seconds} 秒后重试 / retry after {seconds} s");
            return;
        }
        http.Response.Headers.RetryAfter = ShedRetrySeconds.ToString(CultureInfo.InvariantCulture);
        await Problems.Write(http, StatusCodes.Status503ServiceUnavailable, "服务繁忙 / server busy",
            $"请求过多，请 {ShedRetrySeconds} 秒后重试 / too many requests in progress, retry after {ShedRetrySeconds} s");
    }

    /// <summary>Refuses every lease: the thread pool's backlog says the service is already behind.</summary>
    private sealed class Full : RateLimiter
    {
        public static readonly Full Instance = new();
        private static readonly RateLimitLease Refused = new RefusedLease();

        public override TimeSpan? IdleDuration => null;
        public override RateLimiterStatistics? GetStatistics() => null;
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Refused;
        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) => new(Refused);

        private sealed class RefusedLease : RateLimitLease
        {
            public override bool IsAcquired => false;
            public override IEnumerable<string> MetadataNames => [];
            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }
    }

    /// <summary>The per-client limit on a public endpoint (off when RateLimits:PublicPermits = 0).</summary>
    public static TBuilder RequirePublicRateLimit<TBuilder>(this TBuilder builder, IEndpointRouteBuilder app) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(Public);
}
