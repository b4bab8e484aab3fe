using Npgsql;
using StationMap.Data;

namespace StationMap.Cli;

/// <summary>
/// The CLI's database: ConnectionStrings__StationMap when set; otherwise the local cluster `make run` keeps in
/// .local/pg (found by walking up from the current and the program's folder), with the port it is running on
/// and the password scripts/pg.sh ensure-db made. Says on stderr which one it uses.
/// </summary>
public static class CliDatabase
{
    public const string Variable = "ConnectionStrings__StationMap";

    public static NpgsqlDataSource OpenDataSource()
    {
        var (cs, source) = Resolve(Environment.GetEnvironmentVariable(Variable), [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        Console.Error.WriteLine($"database: {Describe(cs)} ({source})");
        return StationMapDataSource.Create(cs);
    }

    internal static StationMapDb OpenDb(NpgsqlDataSource dataSource) => StationMapDataSource.CreateDb(dataSource);

    public static (string ConnectionString, string Source) Resolve(string? fromEnvironment, IEnumerable<string> searchFrom)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return (fromEnvironment, $"from {Variable}");
        var folder = FindLocalCluster(searchFrom)
            ?? throw new CliException($"{Variable} is not set and no local database (.local/pg) was found. Run `make run` once, " +
                $"or export {Variable}='Host=…;Port=…;Database=…;Username=…;Password=…' / 未设置数据库连接，也没有找到本地数据库");
        return (LocalConnectionString(folder), $"the local database `make run` created in {folder}");
    }

    /// <summary>The connection string for a cluster made by scripts/pg.sh: database and role "stationmap".</summary>
    public static string LocalConnectionString(string folder)
    {
        var pid = Path.Combine(folder, "data", "postmaster.pid");
        // postmaster.pid's fourth line is the port the server listens on.
        var port = File.Exists(pid) ? File.ReadLines(pid).Skip(3).FirstOrDefault()?.Trim() : null;
        if (string.IsNullOrEmpty(port))
            throw new CliException($"the local database in {folder} is not running: start it with `make run` (or scripts/pg.sh start {folder} PORT) / 本地数据库未启动");
        var password = File.ReadAllText(Path.Combine(folder, "app-password")).Trim();
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = int.Parse(port, System.Globalization.CultureInfo.InvariantCulture),
            Database = "stationmap", Username = "stationmap", Password = password,
        }.ConnectionString;
    }

    private static string? FindLocalCluster(IEnumerable<string> searchFrom)
    {
        foreach (var start in searchFrom)
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".local", "pg");
                if (File.Exists(Path.Combine(candidate, "app-password"))) return candidate;
            }
        return null;
    }

    private static string Describe(string cs)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        return $"{b.Host}:{b.Port}/{b.Database} as {b.Username}";
    }
}

/// <summary>An error the user caused: printed as one line, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
