using Microsoft.Extensions.Options;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Api.Pages;

/// <summary><c>GET /api/v1/map-config</c>: the tile source the courier page draws on, and its coordinate system.</summary>
internal static class MapConfigApi
{
    internal sealed record MapConfig(string TileUrl, string TileCoordsys, string Attribution, string Subdomains, int MaxZoom, LocationDto Center);

    public static IServiceCollection AddMapConfig(this IServiceCollection services)
    {
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapMapConfigApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/map-config", (IOptions<MapOptions> options) => TypedResults.Ok(From(options.Value)))
            .WithTags("Pages").CacheOutputHeaders(300);
        return app;
    }

    /// <summary>The centre is given in the tiles' own system, so the page never converts it.</summary>
    private static MapConfig From(MapOptions o)
    {
        CoordSysNames.TryParse(o.TileCoordsys, out var sys);
        var center = Coordinate.Wgs84(o.CenterLng, o.CenterLat).To(sys);
        return new MapConfig(o.TileUrl, o.TileCoordsys, o.Attribution, o.Subdomains, o.MaxZoom,
            new LocationDto(center.Lng, center.Lat, sys.ToWire()));
    }
}
