using Npgsql;
using StationMap.Data;

namespace StationMap.Cli;

/// <summary>The CLI's database: ConnectionStrings__StationMap from the environment (as `make` sets it).</summary>
internal static class CliDatabase
{
    public static NpgsqlDataSource OpenDataSource()
    {
        var cs = Environment.GetEnvironmentVariable("ConnectionStrings__StationMap");
        if (string.IsNullOrWhiteSpace(cs))
            throw new CliException("ConnectionStrings__StationMap is not set. Run through `make` or export it, e.g. " +
                "ConnectionStrings__StationMap='Host=127.0.0.1;Port=5433;Database=stationmap;Username=stationmap;Password=...'");
        return StationMapDataSource.Create(cs);
    }

    public static StationMapDb OpenDb(NpgsqlDataSource dataSource) => StationMapDataSource.CreateDb(dataSource);
}

/// <summary>An error the user caused: printed as one line, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
