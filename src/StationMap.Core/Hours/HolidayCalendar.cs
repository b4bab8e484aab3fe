using System.Globalization;
using Sylvan.Data.Csv;

namespace StationMap.Hours;

/// <summary>What a calendar says about one date, for PH rules.</summary>
public enum HolidayStatus : byte
{
    /// <summary>A year the calendar covers, and not a public holiday (make-up working days included).</summary>
    Ordinary,
    Holiday,
    /// <summary>The calendar does not cover that year: nobody can say.</summary>
    Unknown,
}

/// <summary>The holiday status of a Beijing date and of the day before it (whose past-midnight hours reach into it).</summary>
public readonly record struct HolidayDays(HolidayStatus Today, HolidayStatus Yesterday)
{
    /// <summary>No calendar at all: PH rules never apply (the behaviour of <see cref="OpeningHours.IsOpenAtShanghai(DateTime, Func{DateOnly, bool}?)"/>).</summary>
    public static readonly HolidayDays None = new(HolidayStatus.Ordinary, HolidayStatus.Ordinary);
}

/// <summary>
/// China's public holidays and make-up working days (调休上班) as the State Council publishes them each year, read from
/// a CSV file <c>date,kind,name</c> (kind = holiday | workday). The shipped copy is data/holidays/cn.csv, embedded in
/// this assembly; operators point <c>Hours:HolidayCalendar</c> at their own copy to add a year. A year is covered when
/// the file lists a holiday in it outside December: the notice for year Y can list days of Y-1's December (the 2019
/// notice: 2018-12-29 调休上班, 2018-12-30/31 放假), but always lists 春节, 清明节, 劳动节… of Y itself. For any other year
/// the status is <see cref="HolidayStatus.Unknown"/>.
/// </summary>
public sealed class HolidayCalendar
{
    private const string ResourceName = "StationMap.Hours.holidays-cn.csv";
    private static readonly Lazy<HolidayCalendar> ShippedCalendar = new(LoadShipped);

    private readonly Dictionary<DateOnly, string> _holidays;
    private readonly Dictionary<DateOnly, string> _workdays;
    private readonly HashSet<int> _years;

    private HolidayCalendar(Dictionary<DateOnly, string> holidays, Dictionary<DateOnly, string> workdays)
    {
        _holidays = holidays;
        _workdays = workdays;
        _years = CoveredYears(holidays.Keys);
    }

    /// <summary>Years with a holiday before December; a year with only December days has just the next year's notice.</summary>
    private static HashSet<int> CoveredYears(IEnumerable<DateOnly> holidays) =>
        [.. holidays.Where(d => d.Month < 12).Select(d => d.Year)];

    /// <summary>The calendar shipped with this build (data/holidays/cn.csv).</summary>
    public static HolidayCalendar Shipped => ShippedCalendar.Value;

    /// <summary>The covered years (a holiday listed outside December), ascending.</summary>
    public IReadOnlyList<int> Years => [.. _years.Order()];

    public bool Covers(int year) => _years.Contains(year);

    /// <summary>A listed day is known even in an uncovered year (2018-12-30 from the 2019 notice); other days of such a year are not.</summary>
    public HolidayStatus StatusOf(DateOnly date) =>
        _holidays.ContainsKey(date) ? HolidayStatus.Holiday
        : _workdays.ContainsKey(date) || _years.Contains(date.Year) ? HolidayStatus.Ordinary
        : HolidayStatus.Unknown;

    /// <summary>The holiday's name ("国庆节"), or null.</summary>
    public string? HolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <summary>A weekend day that is a working day by the State Council's 调休 (not used by opening hours: docs/opening-hours.md).</summary>
    public bool IsMakeUpWorkday(DateOnly date) => _workdays.ContainsKey(date);

    /// <summary>Today's and yesterday's status for a Beijing wall-clock time.</summary>
    public HolidayDays DaysAt(DateTime shanghaiLocal)
    {
        var date = DateOnly.FromDateTime(shanghaiLocal);
        return new HolidayDays(StatusOf(date), StatusOf(date.AddDays(-1)));
    }

    /// <summary>Reads the shipped calendar, or the file at <paramref name="path"/> when one is given.</summary>
    /// <exception cref="FormatException">A bilingual message naming the file and line.</exception>
    public static HolidayCalendar Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return Shipped;
        if (!File.Exists(path)) throw new FormatException($"找不到节假日日历文件 / holiday calendar file not found: {path}");
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>Parses <c>date,kind,name</c> rows; <paramref name="source"/> names the file in errors.</summary>
    /// <exception cref="FormatException">A bilingual message naming the file and line.</exception>
    public static HolidayCalendar Read(TextReader text, string source)
    {
        var holidays = new Dictionary<DateOnly, string>();
        var workdays = new Dictionary<DateOnly, string>();
        var workdayLines = new Dictionary<DateOnly, int>();
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        int date = Column(csv, "date", source), kind = Column(csv, "kind", source), name = Column(csv, "name", source);
        var line = 1;
        while (csv.Read())
        {
            line++;
            var dateText = csv.GetString(date).Trim();
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw Error(source, line, $"日期应为 YYYY-MM-DD / date must be YYYY-MM-DD: '{dateText}'");
            var label = csv.GetString(name).Trim();
            if (holidays.ContainsKey(day) || workdays.ContainsKey(day))
                throw Error(source, line, $"日期重复 / date listed twice: {dateText}");
            switch (csv.GetString(kind).Trim())
            {
                case "holiday":
                    holidays[day] = label;
                    break;
                case "workday" when day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday:
                    workdays[day] = label;
                    workdayLines[day] = line;
                    break;
                case "workday":
                    throw Error(source, line, $"调休上班日应是周六或周日 / a make-up working day must fall on a Saturday or Sunday: {dateText} is a {day.DayOfWeek}");
                case var other:
                    throw Error(source, line, $"类型应为 holiday 或 workday / kind must be holiday or workday: '{other}'");
            }
        }
        foreach (var (day, dayLine) in workdayLines.OrderBy(w => w.Value))
            if (!holidays.Keys.Any(h => h.Year == day.Year))
                throw Error(source, dayLine, $"{day.Year} 年只有调休上班日，没有节假日 / {day.Year} lists make-up working days but no holiday");
        return new HolidayCalendar(holidays, workdays);
    }

    private static int Column(CsvDataReader csv, string name, string source)
    {
        for (var i = 0; i < csv.FieldCount; i++)
            if (csv.GetName(i).Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
        throw Error(source, 1, $"缺少列 / missing column '{name}' (header: date,kind,name)");
    }

    private static FormatException Error(string source, int line, string what) =>
        new($"节假日日历 / holiday calendar {source} 第 {line} 行 / line {line}: {what}");

    private static HolidayCalendar LoadShipped()
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Read(reader, "data/holidays/cn.csv");
    }
}
