using System.Net;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Tiles;

/// <summary>Station tiles on the western and eastern edge of the Web Mercator world at street zoom.</summary>
public class StationTileEdgeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    // At x = 0 or 2^z − 1 the tile margin passes ±180°; cut at the world's edge, it must not wrap into a world-wide search (which answered 500 after asking PostgreSQL for over 1 GB).
    [Theory]
    [InlineData(20, 0, 0)]
    [InlineData(22, 0, 2097152)]
    [InlineData(22, 4194303, 2097152)]
    public async Task A_tile_on_the_edge_of_the_world_is_an_empty_tile_not_a_server_error(int z, int x, int y)
    {
        var response = await api.Anonymous().GetAsync($"/tiles/stations/{z}/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
