using Microsoft.Extensions.Options;
using StationMap.Nearby;

namespace StationMap.Api.Nearby;

/// <summary>Chooses the path: the in-memory index when it is current, otherwise SQL.</summary>
internal sealed class NearestSearch(NearbyIndexHolder holder, SqlNearestSearch sql, IOptions<NearbyOptions> options)
{
    public const string IndexPath = "index", SqlPath = "sql";

    public async Task<(IReadOnlyList<NearestHit> Hits, string Path)> SearchAsync(NearestRequest request, CancellationToken ct)
    {
        if (options.Value.UseIndex && holder.Current is { } index) return (index.Search(request), IndexPath);
        return (await sql.SearchAsync(request, ct), SqlPath);
    }
}
