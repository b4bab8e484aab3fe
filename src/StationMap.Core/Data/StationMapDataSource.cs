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

    /// <summary>Key of the pool for hot, stateless reads (the SQL nearest path).</summary>
    public const string ServingReads = "serving-reads";

    /// <summary>Added to the application name of the <see cref="ServingReads"/> pool's connections.</summary>
    public const string NearestSuffix = "-nearest";

    /// <summary>
    /// A pool for stateless reads only: Npgsql then skips the reset it sends with the next command after a
    /// pooled connection is returned (CLOSE ALL, UNLISTEN *, DISCARD …), which otherwise runs on every request.
    /// Never for imports or anything that uses temporary tables, locks or session settings.
    /// </summary>
    public static NpgsqlDataSource CreateForServingReads(string connectionString, int maxConnections)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.ConnectionStringBuilder.MaxPoolSize = maxConnections;
        // Named apart in pg_stat_activity, so an operator can see how many backends the SQL path holds.
        builder.ConnectionStringBuilder.ApplicationName = (builder.ConnectionStringBuilder.ApplicationName ?? "stationmap") + NearestSuffix;
        builder.ConnectionStringBuilder.MinPoolSize = Math.Min(builder.ConnectionStringBuilder.MinPoolSize, maxConnections);
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
