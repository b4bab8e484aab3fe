using Microsoft.Extensions.Options;
using StationMap.Hours;

namespace StationMap.Api.Nearby;

/// <summary>Where the public-holiday calendar for PH rules comes from (docs/opening-hours.md).</summary>
public sealed class HolidayCalendarOptions
{
    public const string Section = "Hours";

    /// <summary>A CSV file <c>date,kind,name</c> that replaces the shipped data/holidays/cn.csv; empty = the shipped one.</summary>
    public string? HolidayCalendar { get; set; }
}

/// <summary>Reads the calendar at start-up, so a broken file stops the service naming the setting, file and line.</summary>
internal sealed class HolidayCalendarValidation : IValidateOptions<HolidayCalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, HolidayCalendarOptions options)
    {
        try
        {
            HolidayCalendar.Load(options.HolidayCalendar);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException e)
        {
            return ValidateOptionsResult.Fail($"{HolidayCalendarOptions.Section}:{nameof(options.HolidayCalendar)}: {e.Message}");
        }
    }
}
