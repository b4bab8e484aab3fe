using Microsoft.AspNetCore.WebUtilities;

namespace StationMap.Api.Ogc;

internal sealed record OgcLink(string Href, string Rel, string Type, string Title);

/// <summary>Absolute links as OGC clients follow them (GDAL walks `next` until there is none).</summary>
internal static class OgcLinks
{
    public const string Json = "application/json", GeoJson = "application/geo+json", OpenApi = "application/vnd.oai.openapi+json;version=3.0";

    public static string Base(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}/ogc";

    /// <summary>This request's URL with its offset replaced (every other parameter kept, so filters carry over).</summary>
    public static string WithOffset(HttpRequest r, int offset)
    {
        var query = r.Query.Where(p => p.Key != "offset").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))).ToList();
        if (offset > 0) query.Add(new("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString($"{r.Scheme}://{r.Host}{r.PathBase}{r.Path}", query);
    }

    /// <summary>self, prev and next of an items page: next only while features remain, prev only past the start.</summary>
    public static List<OgcLink> ItemsPage(HttpRequest r, string collectionId, ItemsRequest request, FeaturePage page)
    {
        var links = new List<OgcLink>
        {
            new(WithOffset(r, request.Offset), "self", GeoJson, "this page"),
            new($"{Base(r)}/collections/{collectionId}", "collection", Json, "the collection"),
        };
        if (request.Offset > 0) links.Add(new(WithOffset(r, Math.Max(0, request.Offset - request.Limit)), "prev", GeoJson, "previous page"));
        if (request.Offset + page.NumberReturned < page.NumberMatched) links.Add(new(WithOffset(r, request.Offset + request.Limit), "next", GeoJson, "next page"));
        return links;
    }
}
