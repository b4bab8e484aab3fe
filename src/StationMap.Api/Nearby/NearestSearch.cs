using Microsoft.Extensions.Options;
using StationMap.Nearby;

namespace StationMap.Api.Nearby;

/// <summary>One nearest answer and where it came from.</summary>
internal sealed record NearestAnswer(IReadOnlyList<NearestHit> Hits, string Path, bool Stale);

/// <summary>
/// Chooses the path: the in-memory index once it has been built (even when stale: the database is then
/// away, so the SQL path could not answer either), otherwise SQL.
/// </summary>
internal sealed class NearestSearch(NearbyIndexHolder holder, SqlNearestSearch sql, IOptions<NearbyOptions> options)
{
    public const string IndexPath = "index", SqlPath = "sql";

    public async Task<NearestAnswer> SearchAsync(NearestRequest request, CancellationToken ct)
    {
        if (options.Value.UseIndex && holder.Current is { } current)
            return new NearestAnswer(current.Index.Search(request), IndexPath, current.Stale);
        return new NearestAnswer(await sql.SearchAsync(request, ct), SqlPath, Stale: false);
    }
}
