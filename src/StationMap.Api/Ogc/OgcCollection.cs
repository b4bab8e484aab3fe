using StationMap.Api.Stations;
using StationMap.Common;

namespace StationMap.Api.Ogc;

/// <summary>One page of features, already GeoJSON (a JSON array of Feature objects, UTF-8), in CRS84.</summary>
internal sealed record FeaturePage(long NumberMatched, int NumberReturned, byte[] FeaturesJson);

/// <summary>The common items parameters, parsed and converted to WGS-84; the collection's own filters ride along.</summary>
internal sealed record ItemsRequest(int Limit, int Offset, (double MinLng, double MinLat, double MaxLng, double MaxLat)? Bbox,
    DateTimeOffset? From, DateTimeOffset? To, object? Filters);

/// <summary>
/// A feature collection served at /ogc/collections/{Id}. The API around it (links, paging, bbox, datetime,
/// errors, the envelope) is shared; a collection only describes itself, parses its own filters and runs its SQL.
/// The viewer is the station API's <see cref="StationReader"/>: a key sees the same fields in both, and its own area's
/// stations in both; outside it OGC serves what the public map shows (public *active* stations), where the station
/// API's list also names suspended and closed public ones.
/// </summary>
internal abstract class OgcCollection
{
    public abstract string Id { get; }
    public abstract string Title { get; }
    public abstract string Description { get; }

    /// <summary>Query parameters this collection filters on, besides the common ones.</summary>
    public abstract IReadOnlyList<string> FilterParameters { get; }

    /// <summary>Parses <see cref="FilterParameters"/>; each bad one is added to errors by name.</summary>
    public abstract object? ParseFilters(IQueryCollection query, List<FieldError> errors);

    /// <summary>CRS84 [minLng, minLat, maxLng, maxLat] of what this viewer may see, null when empty.</summary>
    public abstract Task<double[]?> ExtentAsync(StationReader viewer, CancellationToken ct);

    public abstract Task<FeaturePage> ItemsAsync(ItemsRequest request, StationReader viewer, CancellationToken ct);

    /// <summary>One Feature as GeoJSON text, or null when it does not exist or the viewer may not see it.</summary>
    public abstract Task<string?> ItemAsync(string id, StationReader viewer, CancellationToken ct);
}
