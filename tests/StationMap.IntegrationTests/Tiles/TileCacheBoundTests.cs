using Microsoft.Extensions.Options;
using StationMap.Api.Tiles;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Tiles;

/// <summary>The tile cache's byte bound is what it says, also for the empty tiles anyone can ask for.</summary>
[Collection(RunsAlone.Name)] // GC.GetTotalMemory counts every test running beside it
public sealed class TileCacheBoundTests
{
    // Most of the 4^z tile addresses are empty (sea, desert): charged only their ~20 gzip bytes, 200,000 of them held
    // ten times what they were charged, so anonymous requests for distinct empty tiles could hold gigabytes behind the bound.
    [Fact]
    public void Empty_tiles_are_charged_at_least_what_they_hold_in_memory()
    {
        var cache = new TileCache(new StationDataVersion(), Options.Create(new TilesOptions()));
        const int n = 200_000;
        var charged = 0L;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < n; i++)
        {
            var etag = "\"" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData([]), 0, 12) + "\"";
            var tile = new Tile([], StationTiles.Gzip([]), etag, DateTime.UtcNow);
            cache.Put(1, StationTiles.Set, 18, i, 7, tile);
            charged += TileCache.Charge(tile);
        }
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(held <= charged, $"{n:N0} empty tiles hold {held:N0} bytes but are charged {charged:N0}");
        GC.KeepAlive(cache);
    }
}
