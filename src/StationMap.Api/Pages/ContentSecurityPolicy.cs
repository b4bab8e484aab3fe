namespace StationMap.Api.Pages;

/// <summary>
/// Both pages (courier "/" and "/admin") are sent with a Content-Security-Policy: scripts only from our own files
/// (no inline script, no inline handlers, no eval), so text that slipped into a page as markup still cannot run.
/// Images may come from anywhere (map tiles are configurable, photos are links); styles may be inline because
/// Leaflet positions tiles and markers with style attributes.
/// </summary>
internal static class ContentSecurityPolicy
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // The API's JSON is not rendered by a browser; only what can be (pages, static files, errors) needs the header.
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.Headers.ContentSecurityPolicy = Policy;
            http.Response.Headers.XContentTypeOptions = "nosniff";
        }
        return next(http);
    });
}
