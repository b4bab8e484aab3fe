using Microsoft.EntityFrameworkCore;
using Npgsql;
using StationMap.Data;
using StationMap.Stations;

namespace StationMap.Api.Cluster;

/// <summary>
/// Registers the database once: <see cref="NpgsqlDataSource"/> (and EF's <see cref="StationMapDb"/>) is the read-write
/// view, used for writes, imports, exports and the index's LISTEN; the <see cref="StationMapDataSource.PublicReads"/>
/// keyed source prefers a standby. With one host in the connection string both are the same server.
/// </summary>
internal static class DataSourceSetup
{
    public static IServiceCollection AddStationMapDataSources(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => StationMapDataSource.CreateReadWrite(connectionString));
        services.AddSingleton(sp => sp.GetRequiredService<ReadWriteSources>().Write);
        services.AddKeyedSingleton(StationMapDataSource.PublicReads, (sp, _) => sp.GetRequiredService<ReadWriteSources>().Read);
        services.AddDbContext<StationMapDb>((sp, o) => StationMapDataSource.Configure(o, sp.GetRequiredService<NpgsqlDataSource>()));

        // Anonymous station reads (list, GET by code) may come from a standby; staff read back what they have just
        // written, so theirs come from the primary, which never lags.
        services.AddKeyedSingleton(StationMapDataSource.PublicReads, (sp, key) => ((DbContextOptionsBuilder<StationMapDb>)StationMapDataSource.Configure(
            new DbContextOptionsBuilder<StationMapDb>(), sp.GetRequiredKeyedService<NpgsqlDataSource>(key))).Options);
        services.AddKeyedScoped(StationMapDataSource.PublicReads, (sp, key) => new StationMapDb(sp.GetRequiredKeyedService<DbContextOptions<StationMapDb>>(key)));
        services.AddHttpContextAccessor();
        services.AddScoped(sp => new StationQuery(IsStaff(sp)
            ? sp.GetRequiredService<StationMapDb>()
            : sp.GetRequiredKeyedService<StationMapDb>(StationMapDataSource.PublicReads)));
        return services;
    }

    private static bool IsStaff(IServiceProvider sp) =>
        sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.Identity?.IsAuthenticated == true;
}
