using Microsoft.EntityFrameworkCore;
using Npgsql;
using StationMap.Data;
using StationMap.IntegrationTests.Pages;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of its own (scripts/pg.sh, a free port, a folder under .local) for tests that stop the
/// server: every other test shares the suite's cluster, which must never go down under them.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private readonly string _dir;
    private readonly int _port;

    private ThrowawayCluster(string dir, int port) => (_dir, _port) = (dir, port);

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Timeout=5;Command Timeout=10";

    /// <summary>Starts a new cluster and creates one migrated database in it.</summary>
    public static async Task<ThrowawayCluster> StartAsync(string database)
    {
        var cluster = new ThrowawayCluster(Path.Combine(PagePaths.RepoRoot, ".local", $"pg-throwaway-{Guid.NewGuid():N}"[..28]), RepoScripts.FreePort());
        await cluster.StartAsync();
        await using (var conn = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        await using (var ds = StationMapDataSource.Create(cluster.ConnectionString(database)))
        await using (var db = StationMapDataSource.CreateDb(ds))
            await db.Database.MigrateAsync();
        return cluster;
    }

    public Task StartAsync() => RepoScripts.RunAsync("pg.sh", "start", _dir, _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "throwaway");

    public Task StopAsync() => RepoScripts.RunAsync("pg.sh", "stop", _dir);

    /// <summary>
    /// A stall: SIGSTOP the postmaster and every backend. Connections still open and the kernel still accepts new ones,
    /// but nothing answers — unlike a stop, where connecting is refused at once.
    /// </summary>
    public Task PauseAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        var pid = (await File.ReadAllLinesAsync(Path.Combine(_dir, "data", "postmaster.pid")))[0].Trim();
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"kill -{signal} {pid} $(pgrep -P {pid})");
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"kill -{signal} {pid} failed: {stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // A test that failed while the server was paused: a stopped postmaster would never shut down.
        try { await ResumeAsync(); } catch (Exception e) when (e is IOException or InvalidOperationException) { }
        await StopAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
