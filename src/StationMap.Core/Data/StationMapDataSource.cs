using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace StationMap.Data;

/// <summary>The one place where the connection, NetTopologySuite and the naming convention are configured.</summary>
public static class StationMapDataSource
{
    public const string ConnectionName = "StationMap";

    /// <summary>Key of the data source for public reads, which may be served by a standby.</summary>
    public const string PublicReads = "public-reads";

    /// <summary>
    /// One source for tools and tests: with several hosts it connects to the read-write one (the primary),
    /// so a migration or a seed never lands on a standby.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = NewBuilder(connectionString);
        if (IsMultiHost(builder)) builder.ConnectionStringBuilder.TargetSessionAttributes = "read-write";
        return builder.Build();
    }

    /// <summary>
    /// The application's two views of the database, built once over every host the connection string lists
    /// (<c>Host=a:5455,b:5456</c>): Write targets the read-write server, Read prefers a standby and falls back to
    /// the primary. Npgsql tracks which host is which, so after a standby is promoted both find it.
    /// With a single host both are the same source and everything goes there.
    /// </summary>
    public static ReadWriteSources CreateReadWrite(string connectionString)
    {
        var builder = NewBuilder(connectionString);
        if (!IsMultiHost(builder))
        {
            var single = builder.Build();
            return new ReadWriteSources(single, single, single);
        }
        var hosts = builder.BuildMultiHost();
        return new ReadWriteSources(hosts,
            hosts.WithTargetSession(TargetSessionAttributes.ReadWrite), hosts.WithTargetSession(TargetSessionAttributes.PreferStandby));
    }

    private static NpgsqlDataSourceBuilder NewBuilder(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite(geographyAsDefault: true);
        return builder;
    }

    private static bool IsMultiHost(NpgsqlDataSourceBuilder builder) => builder.ConnectionStringBuilder.Host?.Contains(',') == true;

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
        // Public reads: a standby when there is one.
        if (IsMultiHost(builder)) builder.ConnectionStringBuilder.TargetSessionAttributes = "prefer-standby";
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

/// <summary>
/// The multi-host source (Root, which owns the connections) and its two views. Writes, EF, imports, exports and
/// staff reads use Write; anonymous reads use Read.
/// </summary>
public sealed record ReadWriteSources(NpgsqlDataSource Root, NpgsqlDataSource Write, NpgsqlDataSource Read) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Root.DisposeAsync();
}
