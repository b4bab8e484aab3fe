using Microsoft.AspNetCore.ResponseCompression;
using Npgsql;
using StationMap.Api.Auth;
using StationMap.Api.Cluster;
using StationMap.Api.Pages;
using StationMap.Api.Feeds;
using StationMap.Data;
using StationMap.Stations;

namespace StationMap.Api;

internal static class ServiceSetup
{
    public static IServiceCollection AddStationMap(this IServiceCollection services, IConfiguration config)
    {
        var connectionString = config.GetConnectionString(StationMapDataSource.ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "ConnectionStrings:StationMap is not set (environment: ConnectionStrings__StationMap). `make run` sets it for the local cluster.");

        services.AddStationMapDataSources(connectionString); // read-write + prefer-standby views, EF, StationQuery
        services.AddScoped<StationWriter>();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<Nearby.NearbyOptions>().BindConfiguration(Nearby.NearbyOptions.Section).ValidateOnStart();
        services.AddSingleton<StationMap.Nearby.NearbyIndexHolder>();
        // The SQL nearest path gets its own pool: its connections keep their state between requests
        // (no reset round on every return), so the prepared statements are simply reused.
        services.AddKeyedSingleton(StationMapDataSource.ServingReads, (sp, _) => StationMapDataSource.CreateForServingReads(connectionString,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Nearby.NearbyOptions>>().Value.SqlConnectionsOrDefault));
        services.AddSingleton(sp => new StationMap.Nearby.SqlNearestSearch(sp.GetRequiredKeyedService<NpgsqlDataSource>(StationMapDataSource.ServingReads)));
        services.AddSingleton<Nearby.NearestSearch>();
        services.AddSingleton(sp => new Nearby.StationJsonCache(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Nearby.NearbyOptions>>().Value.ResultJsonCacheMegabytes * 1024L * 1024));
        services.AddHostedService<Nearby.NearbyIndexService>();
        services.AddFeeds(config);
        services.AddImport(config);
        services.AddMapConfig();

        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddStaffAuth();
        services.AddPublicRateLimits(config);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/problem+json"]);
        });
        // Ready = can serve reads: a standby (or the primary) answers. With the primary down the instance still serves
        // nearest and GETs, so the balancer must keep it; writes then answer 503 on their own.
        services.AddHealthChecks().AddNpgSql(sp => sp.GetRequiredKeyedService<NpgsqlDataSource>(StationMapDataSource.PublicReads), name: "database", tags: ["ready"]);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return services;
    }
}
