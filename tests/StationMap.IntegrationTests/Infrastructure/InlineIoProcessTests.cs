using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StationMap.Data;
using StationMap.Samples;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>
/// The API as deployed — its own process, inline socket completions on — must shrug off clients that hang up
/// mid-request on the SQL path. Before the fix, Npgsql's cancellation blocked a socket thread and every request
/// sharing it stalled for seconds.
/// </summary>
public class InlineIoProcessTests
{
    [Fact]
    public async Task Clients_hanging_up_mid_query_do_not_stall_the_server()
    {
        var connectionString = await TestDatabase.CreateAsync("inlineio");
        await using (var ds = StationMapDataSource.Create(connectionString))
            await SampleSeeder.LoadAsync(ds, SampleStationGenerator.Beijing());
        var port = FreePort();
        using var api = StartApi(connectionString, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await WaitUntilReady(http, api);
            var rng = new Random(5);
            for (var round = 0; round < 40; round++)
            {
                // 16 queries on the SQL path, each abandoned by its client a moment after it was sent.
                var abandoned = Enumerable.Range(0, 16).Select(async _ =>
                {
                    using var cut = new CancellationTokenSource(TimeSpan.FromMilliseconds(rng.Next(1, 6)));
                    try { await http.GetAsync(Query(rng), cut.Token); }
                    catch (OperationCanceledException) { }
                }).ToArray();
                await Task.WhenAll(abandoned);

                var clock = Stopwatch.StartNew();
                var answer = await http.GetAsync(Query(rng));
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5),
                    $"round {round}: a query after clients hung up took {clock.Elapsed.TotalMilliseconds:F0} ms");
            }
        }
        finally
        {
            api.Kill(entireProcessTree: true);
        }
    }

    private static string Query(Random rng) =>
        FormattableString.Invariant($"/api/v1/stations/nearest?lng={116.3 + rng.NextDouble() * 0.2:F5}&lat={39.85 + rng.NextDouble() * 0.1:F5}&limit=10");

    private static Process StartApi(string connectionString, int port)
    {
        var root = RepoRoot();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Release>/net10.0
        var dll = Path.Combine(root, "src", "StationMap.Api", "bin", configuration, "net10.0", "StationMap.Api.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first");
        var start = new ProcessStartInfo("dotnet", [dll, "--contentRoot", Path.Combine(root, "src", "StationMap.Api")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__StationMap"] = connectionString;
        start.Environment["Nearby__UseIndex"] = "false"; // the SQL path: every request is a database query
        start.Environment["RateLimits__PublicPermits"] = "0";
        start.Environment["Server__InlineIo"] = "true";
        start.Environment.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"); // the program takes it itself
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReady(HttpClient http, Process api)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(api.HasExited, "the API process exited at start-up");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("the API did not become ready within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "StationMap.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("StationMap.sln not found above the test binaries");
    }
}
