using StationMap.Hours;

namespace StationMap.Tests.Hours;

public class OpeningHoursParsingTests
{
    [Theory]
    [InlineData("24/7", "24/7")]
    [InlineData("Mo-Fr 08:00-18:00", "Mo-Fr 08:00-18:00")]
    [InlineData("mo-fr 8:00-18:00", "Mo-Fr 08:00-18:00")]
    [InlineData("Sa,Su 09:00-17:00", "Sa,Su 09:00-17:00")]
    [InlineData("Sa-Su 09:00-17:00", "Sa,Su 09:00-17:00")]
    [InlineData("Mo-We,Fr 09:00-17:00", "Mo-We,Fr 09:00-17:00")]
    [InlineData("Fr-Mo 10:00-20:00", "Mo,Fr-Su 10:00-20:00")]
    [InlineData("Mo-Su 08:00-20:00", "08:00-20:00")]
    [InlineData("Mo-Su 00:00-24:00", "24/7")]
    [InlineData("08:00-12:00, 14:00-18:00", "08:00-12:00,14:00-18:00")]
    [InlineData("22:00-06:00", "22:00-06:00")]
    [InlineData("Mo-Fr 08:00-18:00;Sa,Su 09:00-17:00", "Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00")]
    [InlineData("24/7; PH off", "24/7; PH off")]
    [InlineData("Mo-Fr,PH 09:00-17:00", "Mo-Fr,PH 09:00-17:00")]
    [InlineData("Mo-Fr 09:00-17:00; Sa closed", "Mo-Fr 09:00-17:00; Sa off")]
    [InlineData("Mo-Fr", "Mo-Fr 00:00-24:00")]
    [InlineData("off", "off")]
    public void Canonical_form_is_stable(string input, string canonical)
    {
        Assert.True(OpeningHours.TryParse(input, out var hours, out var error), error?.Message);
        Assert.Equal(canonical, hours.Canonical);
        Assert.Equal(canonical, OpeningHours.Normalize(canonical));
    }

    [Theory]
    [InlineData("25:00-26:00", HoursErrorCode.InvalidTime, 0)]
    [InlineData("08:60-18:00", HoursErrorCode.InvalidTime, 0)]
    [InlineData("Mo-Fr 08:00-24:30", HoursErrorCode.InvalidTime, 12)]
    [InlineData("Mo-Xx 08:00-18:00", HoursErrorCode.UnknownWeekday, 3)]
    [InlineData("Xy 08:00-18:00", HoursErrorCode.UnknownWeekday, 0)]
    [InlineData("随便", HoursErrorCode.Unrecognised, 0)]
    [InlineData("", HoursErrorCode.Empty, 0)]
    [InlineData(" ; ", HoursErrorCode.Empty, 0)]
    [InlineData("08:00-08:00", HoursErrorCode.EmptyRange, 0)]
    [InlineData("Mo-Fr 08:00", HoursErrorCode.Unrecognised, 11)]
    [InlineData("Mo-Fr 08:00-18:00 foo", HoursErrorCode.Unrecognised, 18)]
    public void Invalid_input_gives_a_coded_error_with_position(string input, HoursErrorCode code, int position)
    {
        Assert.False(OpeningHours.TryParse(input, out _, out var error));
        Assert.Equal(code, error.Code);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Error_message_is_bilingual_and_quotes_the_input()
    {
        OpeningHours.TryParse("随便", out _, out var error);
        Assert.Equal("无法识别的开放时间 / unrecognised opening hours: '随便' at position 0", error!.Message);
    }

    [Fact]
    public void Parse_throws_format_exception_with_the_message() =>
        Assert.Contains("unknown weekday", Assert.Throws<FormatException>(() => OpeningHours.Parse("Mo-Xx 08:00-18:00")).Message);
}
