namespace StationMap.Api;

/// <summary>
/// Public, CDN-cacheable answers: the same query gives the same answer for a short while. The
/// endpoint carries the age as metadata and a middleware sets the headers before the handler runs,
/// so handlers may write their body directly (an endpoint filter would run after the body has started).
/// </summary>
internal static class CacheHeaders
{
    private sealed class Metadata(int seconds)
    {
        public string CacheControl { get; } = $"public, max-age={seconds}";
    }

    public static TBuilder CacheOutputHeaders<TBuilder>(this TBuilder builder, int seconds) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Metadata(seconds));

    public static IApplicationBuilder UseCacheOutputHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<Metadata>() is { } cache)
            {
                var headers = context.Response.Headers;
                headers.CacheControl = cache.CacheControl;
                headers.Vary = "Accept, Accept-Encoding";
            }
            return next(context);
        });
}
