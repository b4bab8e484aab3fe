using Microsoft.AspNetCore.ResponseCompression;
using Npgsql;
using StationMap.Api.Auth;
using StationMap.Api.Cluster;
using StationMap.Api.Pages;
using StationMap.Api.Feeds;
using StationMap.Api.Health;
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
        services.AddRequestDeadline(config, connectionString); // a stalled database answers 503 within the deadline
        services.AddScoped<StationWriter>();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<Nearby.NearbyOptions>().BindConfiguration(Nearby.NearbyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new StationMap.Nearby.NearbyIndexHolder(sp.GetRequiredService<TimeProvider>()));
        // The SQL nearest path gets its own pool: its connections keep their state between requests
        // (no reset round on every return), so the prepared statements are simply reused.
        services.AddKeyedSingleton(StationMapDataSource.ServingReads, (sp, _) => StationMapDataSource.CreateForServingReads(connectionString,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Nearby.NearbyOptions>>().Value.SqlConnectionsOrDefault));
        services.AddSingleton(sp => new StationMap.Nearby.SqlNearestSearch(sp.GetRequiredKeyedService<NpgsqlDataSource>(StationMapDataSource.ServingReads)));
        services.AddSingleton<Nearby.NearestSearch>();
        // Public holidays for PH rules: the shipped calendar, or Hours:HolidayCalendar, read once while the host starts
        // (HolidayCalendarCheck needs it), so a broken file stops the start.
        services.AddOptions<Nearby.HolidayCalendarOptions>().BindConfiguration(Nearby.HolidayCalendarOptions.Section);
        services.AddSingleton(sp => Nearby.HolidayCalendarOptions.Load(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Nearby.HolidayCalendarOptions>>().Value));
        services.AddHostedService<Nearby.HolidayCalendarCheck>();
        services.AddHostedService<Nearby.NearbyIndexService>();
        services.AddFeeds(config);
        services.AddImport(config);
        services.AddMapConfig();
        services.AddSingleton<StationMap.Coverage.CoverageService>();
        Ogc.OgcSetup.AddOgc(services);
        Tiles.TilesSetup.AddTiles(services);

        services.AddProblemDetails();
        Errors.ApiErrorsSetup.AddApiErrors(services);
        services.AddOpenApi();
        services.AddStaffAuth();
        services.AddPublicRateLimits();
        services.AddTrustedProxies();
        services.AddObservability(config);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", "application/problem+json"]);
        });
        services.AddReadiness(); // on the read side (a standby, else the primary): see ReadinessCheck
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return services;
    }
}
