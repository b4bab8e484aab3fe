using StationMap.Hours;

namespace StationMap.Tests.Hours;

/// <summary>The edges around the staff phrasings the reviewer listed: what is read, and what is refused with a clear message.</summary>
public class StaffHoursEdgeTests
{
    [Theory]
    [InlineData("周一至三、五 9:00-17:00", "Mo-We,Fr 09:00-17:00")]
    [InlineData("星期一、星期三 9:00-17:00", "Mo,We 09:00-17:00")]
    [InlineData("每天：8:00-18:00", "08:00-18:00")]
    [InlineData("工作日：9:00-17:00；法定节假日休息", "Mo-Fr 09:00-17:00; PH off")]
    [InlineData("24小时全天营业", "24/7")]
    [InlineData("全天7×24小时", "24/7")]
    [InlineData("周一至周五 全天", "Mo-Fr 00:00-24:00")]
    [InlineData("晚上10点至次日凌晨6点", "22:00-06:00")]
    [InlineData("8 : 00-18:00", "08:00-18:00")]
    public void Further_staff_phrasings_are_read(string input, string canonical)
    {
        Assert.True(OpeningHours.TryParse(input, out var hours, out var error), error?.Message);
        Assert.Equal(canonical, hours.Canonical);
    }

    [Theory]
    [InlineData("周一至周五")]
    [InlineData("工作日")]
    [InlineData("周一至周五 8:00-18:00，周六")]
    [InlineData("法定节假日")]
    public void Chinese_days_without_times_are_refused_asking_for_the_times(string input)
    {
        Assert.False(OpeningHours.TryParse(input, out _, out var error));
        Assert.Equal(HoursErrorCode.DaysWithoutTimes, error.Code);
        Assert.Contains("请填写营业时间段 / the days have no times", error.Message);
        Assert.Contains($"'{input}'", error.Message);
    }

    /// <summary>The storage syntax keeps OSM's meaning: a selector alone is all day. Only staff wording is refused.</summary>
    [Fact]
    public void Canonical_days_without_times_still_mean_all_day() =>
        Assert.Equal("Mo-Fr 00:00-24:00", OpeningHours.Normalize("Mo-Fr"));

    /// <summary>A "next day" end after the start would be a range longer than a day: refused, not silently shortened.</summary>
    [Fact]
    public void A_next_day_end_after_the_start_is_refused() =>
        Assert.False(OpeningHours.TryParse("8:00至次日10:00", out _, out _));

    [Theory]
    [InlineData("2026/8/18")]
    [InlineData("2026年8月18日")]
    [InlineData("46252")]
    public void Dates_and_excel_day_numbers_are_called_dates(string cell)
    {
        Assert.False(OpeningHours.TryParse(cell, out _, out var error));
        Assert.Contains($"'{cell}'", error.Message);
        Assert.Contains("看起来是日期（Excel 自动转换）", error.Message);
        Assert.Contains("looks like a date (Excel converted it)", error.Message);
    }

    [Fact]
    public void Other_errors_carry_no_date_hint_and_rewritten_input_no_position()
    {
        Assert.False(OpeningHours.TryParse("周八 8:00-18:00", out _, out var error));
        Assert.DoesNotContain("日期", error.Message);
        Assert.DoesNotContain("position", error.Message);
        Assert.Contains("'周八 8:00-18:00'", error.Message);
    }
}
