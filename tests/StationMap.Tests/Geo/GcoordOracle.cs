using System.Diagnostics;
using System.Globalization;

namespace StationMap.Tests.Geo;

/// <summary>
/// Runs the pinned npm package gcoord (tests/StationMap.Tests/Geo/oracle) through node, installed into the
/// git-ignored &lt;repo&gt;/.local/oracle. Missing node or npm is a failure, not a skip.
/// </summary>
internal static class GcoordOracle
{
    // Several test classes use the oracle in parallel: only one may install it.
    private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string[][] Run(IReadOnlyList<ChinaPoint> points)
    {
        var work = Installed.Value;

        var input = Path.GetTempFileName();
        var output = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(input, points.Select(p => p.ToString()));
            Exec("node", work, "oracle.js", input, output);
            return File.ReadAllLines(output).Where(l => l.Length > 0).Select(l => l.Split(';')).ToArray();
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static string Install()
    {
        var root = RepoRoot();
        var source = Path.Combine(root, "tests", "StationMap.Tests", "Geo", "oracle");
        var work = Path.Combine(root, ".local", "oracle");
        Directory.CreateDirectory(work);
        foreach (var file in new[] { "package.json", "package-lock.json", "oracle.js" })
            File.Copy(Path.Combine(source, file), Path.Combine(work, file), overwrite: true);
        var done = Path.Combine(work, "node_modules", ".installed");
        if (!File.Exists(done))
        {
            Exec("npm", work, "ci", "--no-audit", "--no-fund");
            File.WriteAllText(done, "ok");
        }
        return work;
    }

    public static (double Lng, double Lat) Pair(string text)
    {
        var parts = text.Split(',');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static void Exec(string program, string directory, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException(program + " did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " timed out");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(program + " " + string.Join(' ', args) + " failed: " + stderr.Result);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "StationMap.sln"))) return dir.FullName;
        throw new InvalidOperationException("StationMap.sln not found above " + AppContext.BaseDirectory);
    }
}
