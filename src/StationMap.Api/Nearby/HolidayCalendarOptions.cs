using Microsoft.Extensions.Options;
using StationMap.Hours;

namespace StationMap.Api.Nearby;

/// <summary>Where the public-holiday calendar for PH rules comes from (docs/opening-hours.md).</summary>
public sealed class HolidayCalendarOptions
{
    public const string Section = "Hours";

    /// <summary>A CSV file <c>date,kind,name</c> that replaces the shipped data/holidays/cn.csv; empty = the shipped one.</summary>
    public string? HolidayCalendar { get; set; }

    /// <summary>The calendar these options name; a broken file is an options error naming the setting, file and line.</summary>
    public static HolidayCalendar Load(HolidayCalendarOptions options)
    {
        try
        {
            return Hours.HolidayCalendar.Load(options.HolidayCalendar);
        }
        catch (FormatException e)
        {
            var setting = $"{Section}:{nameof(HolidayCalendar)}";
            throw new OptionsValidationException(setting, typeof(HolidayCalendarOptions), [$"{setting}: {e.Message}"]);
        }
    }
}

/// <summary>
/// Loads the calendar while the host starts and says which years it covers; warns when this year, or from December next
/// year, is missing, because PH stations then answer open-now "unknown" (docs/opening-hours.md: adding a year).
/// </summary>
internal sealed class HolidayCalendarCheck(HolidayCalendar calendar, TimeProvider clock, ILogger<HolidayCalendarCheck> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ShanghaiTime.Zone);
        log.LogInformation("Holiday calendar covers {Years}", string.Join(", ", calendar.Years));
        var needed = today.Month == 12 ? new[] { today.Year, today.Year + 1 } : [today.Year];
        var missing = needed.Where(y => !calendar.Covers(y)).ToList();
        if (missing.Count > 0)
            log.LogWarning("Holiday calendar lacks {Missing}: stations with PH rules answer open-now unknown on those dates; add the State Council's schedule ({Setting})",
                string.Join(", ", missing), $"{HolidayCalendarOptions.Section}:{nameof(HolidayCalendarOptions.HolidayCalendar)}");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
