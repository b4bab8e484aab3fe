using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StationMap.IntegrationTests.Pages;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>Runs the repository's own scripts (scripts/pg.sh, scripts/pg-standby.sh): the same ones `make run` and `make test` use.</summary>
public static class RepoScripts
{
    /// <summary>Runs scripts/<paramref name="script"/> and returns what it printed; a non-zero exit throws with its stderr.</summary>
    public static async Task<string> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(PagePaths.RepoRoot, "scripts", script));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/{script} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        return stdout;
    }

    /// <summary>A loopback port free right now (fixed ports collide with other servers on a shared machine).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
