using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Health;

/// <summary>An operator's wrong setting stops the service at start-up, naming the setting, instead of failing requests later.</summary>
public class SettingsCheckTests
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=2";

    [Theory]
    [InlineData("RateLimits:ConcurrencyQueue", "-1", "ConcurrencyQueue")] // was: every limited request a 500
    [InlineData("RateLimits:MaxConcurrentRequests", "-5", "MaxConcurrentRequests")]
    [InlineData("Import:MaxConcurrentUploads", "0", "MaxConcurrentUploads")] // was: silently 1
    [InlineData("Import:MaxQueuedImports", "0", "MaxQueuedImports")]
    [InlineData("Import:MaxRows", "0", "MaxRows")]
    [InlineData("Import:DuplicateRadiusMetres", "-20", "DuplicateRadiusMetres")]
    [InlineData("Hours:HolidayCalendar", "/nonexistent/holidays.csv", "Hours:HolidayCalendar")] // was: PH rules silently ignored
    public void A_setting_out_of_range_stops_the_service_naming_it(string key, string value, string named)
    {
        using var factory = TestApp.Over(NoDatabase, (key, value));
        var refused = Record.Exception(() => factory.CreateClient());
        Assert.NotNull(refused);
        Assert.Contains(named, refused.ToString());
    }

    [Fact]
    public void The_defaults_start()
    {
        using var factory = TestApp.Over(NoDatabase);
        Assert.NotNull(factory.CreateClient());
    }
}
