using System.Diagnostics;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Health;

/// <summary>An operator's wrong setting stops the service at start-up, naming the setting, instead of failing requests later.</summary>
public class SettingsCheckTests
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2";

    // The service as the operator starts it, a process of its own: what it prints and its exit code are what they see.
    // (In the test host a failed start can surface as the host's own disposal racing the error.)
    [Theory]
    [InlineData("RateLimits:ConcurrencyQueue", "-1", "ConcurrencyQueue")] // was: every limited request a 500
    [InlineData("RateLimits:MaxConcurrentRequests", "-5", "MaxConcurrentRequests")]
    [InlineData("Import:MaxConcurrentUploads", "0", "MaxConcurrentUploads")] // was: silently 1
    [InlineData("Import:MaxQueuedImports", "0", "MaxQueuedImports")]
    [InlineData("Import:MaxRows", "0", "MaxRows")]
    [InlineData("Import:DuplicateRadiusMetres", "-20", "DuplicateRadiusMetres")]
    [InlineData("Hours:HolidayCalendar", "/nonexistent/holidays.csv", "Hours:HolidayCalendar")] // was: PH rules silently ignored
    public async Task A_setting_out_of_range_stops_the_service_naming_it(string key, string value, string named)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "StationMap.Api.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__StationMap"] = NoDatabase;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment[key.Replace(":", "__")] = value;
        using var api = Process.Start(start)!;
        var output = api.StandardOutput.ReadToEndAsync();
        var errors = api.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await api.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            api.Kill(entireProcessTree: true);
            Assert.Fail($"the service started with {key}={value}");
        }
        Assert.NotEqual(0, api.ExitCode);
        Assert.Contains(named, await output + await errors);
    }

    [Fact]
    public void The_defaults_start()
    {
        using var factory = TestApp.Over(NoDatabase);
        Assert.NotNull(factory.CreateClient());
    }
}
