namespace StationMap.Api.Ogc;

internal static class OgcSetup
{
    /// <summary>Each collection is one registration; the /ogc endpoints serve whatever is registered.</summary>
    public static IServiceCollection AddOgc(this IServiceCollection services) =>
        services.AddSingleton<OgcCollection, StationsCollection>()
            .AddSingleton<OgcCollection, DistrictsCollection>();
}
