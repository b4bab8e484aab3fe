using Npgsql;
using StationMap.Cli;

namespace StationMap.IntegrationTests.Cli;

public sealed class CliDatabaseTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stationmap-cli-").FullName;

    [Fact]
    public void Without_a_connection_string_it_finds_the_local_database_make_run_created()
    {
        var cluster = Directory.CreateDirectory(Path.Combine(_root, ".local", "pg", "data")).Parent!.FullName;
        File.WriteAllText(Path.Combine(cluster, "app-password"), "s3cret\n");
        File.WriteAllLines(Path.Combine(cluster, "data", "postmaster.pid"), ["4242", Path.Combine(cluster, "data"), "1733356800", "5433", cluster]);
        var deeper = Directory.CreateDirectory(Path.Combine(_root, "src", "StationMap.Cli")).FullName;

        var (cs, source) = CliDatabase.Resolve(null, [deeper]);
        var b = new NpgsqlConnectionStringBuilder(cs);
        Assert.Equal(("127.0.0.1", 5433, "stationmap", "stationmap", "s3cret"), (b.Host, b.Port, b.Database, b.Username, b.Password));
        Assert.Contains(cluster, source);
    }

    [Fact]
    public void A_connection_string_in_the_environment_wins()
    {
        var (cs, source) = CliDatabase.Resolve("Host=db;Database=x", [_root]);
        Assert.Equal("Host=db;Database=x", cs);
        Assert.Contains("ConnectionStrings__StationMap", source);
    }

    [Fact]
    public void A_stopped_or_missing_local_database_is_a_clear_error()
    {
        Assert.Contains("make run", Assert.Throws<CliException>(() => CliDatabase.Resolve(null, [_root])).Message);
        var cluster = Directory.CreateDirectory(Path.Combine(_root, ".local", "pg")).FullName;
        File.WriteAllText(Path.Combine(cluster, "app-password"), "x");
        Assert.Contains("not running", Assert.Throws<CliException>(() => CliDatabase.Resolve(null, [_root])).Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
