namespace StationMap.Hours;

public enum HoursErrorCode { Empty, Unrecognised, UnknownWeekday, InvalidTime, EmptyRange }

/// <summary>
/// Why a text is not valid opening hours. <see cref="Position"/> is a zero-based index into
/// <see cref="Text"/>, the text after Chinese normalisation (the one the parser actually read).
/// </summary>
public sealed record HoursError(HoursErrorCode Code, string Text, int Position)
{
    public string Message => Code switch
    {
        HoursErrorCode.Empty => "开放时间为空 / opening hours are empty",
        HoursErrorCode.UnknownWeekday =>
            $"无法识别的星期 / unknown weekday in '{Text}' at position {Position} (use Mo Tu We Th Fr Sa Su PH)",
        HoursErrorCode.InvalidTime =>
            $"无效的时间 / invalid time in '{Text}' at position {Position} (hours 00–24, minutes 00–59)",
        HoursErrorCode.EmptyRange =>
            $"开始与结束时间相同 / time range starts and ends at the same minute in '{Text}' at position {Position}",
        _ => $"无法识别的开放时间 / unrecognised opening hours: '{Text}' at position {Position}",
    };

    public override string ToString() => Message;
}
