using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace StationMap.Data;

/// <summary>The one place where the connection, NetTopologySuite and the naming convention are configured.</summary>
public static class StationMapDataSource
{
    public const string ConnectionName = "StationMap";

    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite(geographyAsDefault: true);
        return builder.Build();
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite(geographyAsDefault: true)
                .MigrationsAssembly(typeof(StationMapDb).Assembly.FullName))
            .UseSnakeCaseNamingConvention();

    public static StationMapDb CreateDb(NpgsqlDataSource dataSource) =>
        new(((DbContextOptionsBuilder<StationMapDb>)Configure(new DbContextOptionsBuilder<StationMapDb>(), dataSource)).Options);
}
