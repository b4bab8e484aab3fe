using StationMap.Hours;

namespace StationMap.Tests.Hours;

/// <summary>What staff's spreadsheets do to the hours column, and what the courier then sees.</summary>
public class HoursMistakesTests
{
    /// <summary>
    /// Typed "8-18" into a date-formatted column, Excel stores 18 August; the xlsx reader gives "2026-08-18". The error
    /// then quotes the text after the parser's rewriting, "'2026:00-08:00-18'", which is in no cell of the file: staff
    /// cannot find or understand it. It must quote the cell as read (and ideally say it is a date).
    /// </summary>
    [Theory]
    [InlineData("2026-08-18")]
    [InlineData("2026-08-18 08:00")]
    public void An_excel_date_in_the_hours_column_is_refused_quoting_the_cell_as_written(string cell)
    {
        Assert.False(OpeningHours.TryParse(cell, out _, out var error));
        Assert.Contains($"'{cell}'", error.Message);
    }

    /// <summary>
    /// "周一至周五" in the 开放时间 column means "weekdays" (times not given), but it is stored as "Mo-Fr", which OSM reads
    /// as open around the clock: the courier page says 营业中 at 3 a.m. on a Tuesday and the open-now filter sends
    /// couriers to a locked post office. Chinese days without times must be refused (or at least not become 24 hours).
    /// </summary>
    [Theory]
    [InlineData("周一至周五")]
    [InlineData("工作日")]
    public void Chinese_days_without_times_do_not_become_open_around_the_clock(string cell)
    {
        if (!OpeningHours.TryParse(cell, out var hours, out _)) return;
        var tuesdayThreeAm = new DateTime(2026, 12, 1, 3, 0, 0);
        Assert.False(hours.IsOpenAtShanghai(tuesdayThreeAm), $"'{cell}' became '{hours.Canonical}': open at 03:00");
    }
}
