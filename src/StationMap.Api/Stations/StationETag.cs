using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace StationMap.Api.Stations;

/// <summary>
/// A station's ETag is its version: <c>"7"</c> for the full record (staff of its area: what they write back as
/// If-Match), <c>"7-public"</c> for the public view (internal fields left out). Two bodies, two tags, so no cache can
/// answer one reader's revalidation with the other's body; <c>Vary</c> on the key's headers says the same to caches.
/// </summary>
internal static class StationETag
{
    private const string PublicSuffix = "-public";

    /// <summary>The headers a staff key comes in (StaffKeyAuthentication): the answer depends on them.</summary>
    public const string VaryOnCaller = "Authorization, X-Api-Key";

    public static string Of(int version, bool fullView) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{version}{(fullView ? "" : PublicSuffix)}\"");

    /// <summary>The version a tag names (either view, weak or strong); null when it names none.</summary>
    public static int? VersionOf(string tag)
    {
        var raw = tag.Trim();
        if (raw.StartsWith("W/", StringComparison.Ordinal)) raw = raw[2..];
        raw = raw.Trim('"', ' ');
        if (raw.EndsWith(PublicSuffix, StringComparison.Ordinal)) raw = raw[..^PublicSuffix.Length];
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>Sets the validator headers of a station answer: the tag, and that it depends on who asks.</summary>
    public static void Set(HttpResponse response, int version, bool fullView)
    {
        response.Headers.ETag = Of(version, fullView);
        response.Headers.Append(HeaderNames.Vary, VaryOnCaller);
        // Stored, but checked each time (a 304 when unchanged), so an edit shows at once; a staff record stays in the
        // reader's own cache.
        response.Headers.CacheControl = fullView ? "private, no-cache" : "no-cache";
    }

    /// <summary>If-None-Match names the current tag (weak comparison, as RFC 9110 asks for GET) or is "*".</summary>
    public static bool NotModified(HttpRequest request, int version, bool fullView)
    {
        var current = new EntityTagHeaderValue(Of(version, fullView));
        return request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
