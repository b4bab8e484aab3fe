namespace StationMap.Api.Tiles;

internal static class TilesSetup
{
    public static IServiceCollection AddTiles(this IServiceCollection services)
    {
        services.AddOptions<TilesOptions>().BindConfiguration(TilesOptions.Section).ValidateOnStart();
        services.AddSingleton<StationDataVersion>();
        services.AddSingleton<TileCache>();
        services.AddSingleton<StationTiles>();
        services.AddSingleton<DistrictTiles>();
        services.AddHostedService<StationChangeListener>();
        services.AddHostedService<PublicationChangePoller>();
        return services;
    }
}
