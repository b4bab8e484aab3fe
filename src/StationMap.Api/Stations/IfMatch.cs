namespace StationMap.Api.Stations;

/// <summary>Reads a station version from an If-Match header: the ETag of a GET ("3", or "3-public" of the public
/// view) or W/"3".</summary>
internal static class IfMatch
{
    public static int? Version(HttpRequest request) => StationETag.VersionOf(request.Headers.IfMatch.ToString());
}
