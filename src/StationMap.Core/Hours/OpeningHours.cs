using System.Diagnostics.CodeAnalysis;

namespace StationMap.Hours;

/// <summary>
/// Parsed opening hours in a documented subset of OSM <c>opening_hours</c> (docs/opening-hours.md),
/// evaluated in Asia/Shanghai. Parse once, then call <see cref="IsOpenAt"/> as often as needed: it does not allocate.
/// </summary>
public sealed class OpeningHours
{
    private readonly WeekSchedule _schedule;

    private OpeningHours(IReadOnlyList<HoursRule> rules)
    {
        _schedule = new WeekSchedule(rules);
        Canonical = HoursFormatter.Format(rules);
    }

    public static OpeningHours AlwaysOpen { get; } = Parse("24/7");

    /// <summary>The canonical text, e.g. <c>Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00</c>.</summary>
    public string Canonical { get; }

    /// <summary>True when every weekday is open around the clock (PH rules aside).</summary>
    public bool IsAlwaysOpen => _schedule.IsAlwaysOpen;

    /// <summary>True when a rule names PH; such rules only apply when a holiday predicate is passed.</summary>
    public bool HasHolidayRules => _schedule.HasHolidayRule;

    /// <summary>Parses canonical or Chinese text ("周一至周五 8:00-18:00").</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out OpeningHours? hours, [NotNullWhen(false)] out HoursError? error)
    {
        hours = null;
        var text = ChineseHoursNormalizer.Normalize(input ?? "");
        // OSM reads "Mo-Fr" as open all day, but staff who write "周一至周五" or "工作日" simply left the times out.
        var parser = new HoursParser(text, requireTimes: IsStaffWording(input));
        var rules = parser.Parse();
        if (rules is null)
        {
            error = (parser.Error ?? new HoursError(HoursErrorCode.Unrecognised, text, 0)) with { Input = input ?? "" };
            return false;
        }
        error = null;
        hours = new OpeningHours(rules);
        return true;
    }

    /// <summary>Anything beyond ASCII (Chinese, full-width digits) was written by a person, not in the storage syntax.</summary>
    private static bool IsStaffWording(string? input) => input is not null && !System.Text.Ascii.IsValid(input);

    /// <exception cref="FormatException">With the bilingual message of <see cref="HoursError"/>.</exception>
    public static OpeningHours Parse(string input) =>
        TryParse(input, out var hours, out var error) ? hours : throw new FormatException(error.Message);

    /// <summary>Canonical form of <paramref name="input"/>: "24小时" → "24/7".</summary>
    /// <exception cref="FormatException">When the input is not valid opening hours.</exception>
    public static string Normalize(string input) => Parse(input).Canonical;

    /// <summary>Whether the station is open at <paramref name="instant"/>, read as Asia/Shanghai wall-clock time.</summary>
    /// <param name="isHoliday">
    /// Optional public-holiday predicate. Without it PH rules are kept but never apply; the nearest search passes a
    /// <see cref="HolidayCalendar"/> through the overloads below instead.
    /// </param>
    public bool IsOpenAt(DateTimeOffset instant, Func<DateOnly, bool>? isHoliday = null)
    {
        var local = TimeZoneInfo.ConvertTime(instant, ShanghaiTime.Zone).DateTime;
        return IsOpenAtShanghai(local, isHoliday);
    }

    /// <summary>Same as <see cref="IsOpenAt"/> for a time already read as Asia/Shanghai wall-clock time (convert once, test many).</summary>
    public bool IsOpenAtShanghai(DateTime local, Func<DateOnly, bool>? isHoliday = null)
    {
        bool today = false, yesterday = false;
        if (isHoliday is not null && _schedule.HasHolidayRule)
        {
            var date = DateOnly.FromDateTime(local);
            today = isHoliday(date);
            yesterday = isHoliday(date.AddDays(-1));
        }
        else if (_schedule.IsAlwaysOpen)
        {
            return true;
        }
        int weekday = ((int)local.DayOfWeek + 6) % 7;
        return _schedule.IsOpen(weekday, local.Hour * 60 + local.Minute, today, yesterday);
    }

    /// <summary>
    /// Open at <paramref name="instant"/> by a holiday calendar; null when the answer depends on whether a day the
    /// calendar does not cover is a holiday (only hours with PH rules can be unknown).
    /// </summary>
    public bool? IsOpenAt(DateTimeOffset instant, HolidayCalendar calendar)
    {
        var local = TimeZoneInfo.ConvertTime(instant, ShanghaiTime.Zone).DateTime;
        return IsOpenAtShanghai(local, calendar.DaysAt(local));
    }

    /// <summary>
    /// Open at a Beijing wall-clock time whose (and whose eve's) holiday status is <paramref name="days"/>, computed once per
    /// request. An unknown day is tried both ways: the answer is given when both agree (a station shut at 03:00 either
    /// way is closed), and null when they differ. Does not allocate.
    /// </summary>
    public bool? IsOpenAtShanghai(DateTime local, HolidayDays days)
    {
        if (!_schedule.HasHolidayRule)
            return IsOpenAtShanghai(local);
        int weekday = ((int)local.DayOfWeek + 6) % 7, minute = local.Hour * 60 + local.Minute;
        bool? answer = null;
        for (var today = 0; today < 2; today++)
        {
            if (!Possible(days.Today, today == 1)) continue;
            for (var yesterday = 0; yesterday < 2; yesterday++)
            {
                if (!Possible(days.Yesterday, yesterday == 1)) continue;
                var open = _schedule.IsOpen(weekday, minute, today == 1, yesterday == 1);
                if (answer is { } earlier && earlier != open) return null;
                answer = open;
            }
        }
        return answer;
    }

    private static bool Possible(HolidayStatus status, bool holiday) =>
        status == HolidayStatus.Unknown || (status == HolidayStatus.Holiday) == holiday;

    public override string ToString() => Canonical;
}
