namespace StationMap.Api;

internal static class CacheHeaders
{
    /// <summary>Public, CDN-cacheable answers: the same query gives the same answer for a short while.</summary>
    public static TBuilder CacheOutputHeaders<TBuilder>(this TBuilder builder, int seconds) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var response = context.HttpContext.Response;
            response.Headers.CacheControl = $"public, max-age={seconds}";
            response.Headers.Vary = "Accept, Accept-Encoding";
            return result;
        });
}
