using System.Text.RegularExpressions;

namespace StationMap.Hours;

public enum HoursErrorCode { Empty, Unrecognised, UnknownWeekday, InvalidTime, EmptyRange, DaysWithoutTimes, DaysAfterTimes }

/// <summary>
/// Why a text is not valid opening hours. <see cref="Position"/> is a zero-based index into <see cref="Text"/>, the
/// text after Chinese normalisation (the one the parser actually read). <see cref="Input"/> is the text as the user
/// wrote it: the message quotes that, because the rewritten text is in no cell of the user's file.
/// </summary>
public sealed partial record HoursError(HoursErrorCode Code, string Text, int Position)
{
    public string Input { get; init; } = Text;

    /// <summary>True when the input was rewritten before parsing, so <see cref="Position"/> means nothing to its author.</summary>
    public bool WasRewritten => Input.Trim() != Text;

    public string Message => Describe() + DateHint();

    private string Describe()
    {
        var quoted = WasRewritten ? $"'{Input}'" : $"'{Text}' at position {Position}";
        return Code switch
        {
            HoursErrorCode.Empty => "开放时间为空 / opening hours are empty",
            HoursErrorCode.UnknownWeekday =>
                $"无法识别的星期 / unknown weekday in {quoted} (use Mo Tu We Th Fr Sa Su PH)",
            HoursErrorCode.InvalidTime =>
                $"无效的时间 / invalid time in {quoted} (hours 00–24, minutes 00–59)",
            HoursErrorCode.EmptyRange =>
                $"开始与结束时间相同 / time range starts and ends at the same minute in {quoted}",
            HoursErrorCode.DaysWithoutTimes =>
                $"请填写营业时间段 / the days have no times: {quoted} (例如 / e.g. 周一至周五 8:00-18:00；全天营业写 周一至周五 全天)",
            HoursErrorCode.DaysAfterTimes =>
                $"请把星期写在时间之前 / put the days before their times: {quoted} (例如 / e.g. 周一至周五 8:00-18:00)",
            _ => $"无法识别的开放时间 / unrecognised opening hours: {quoted}",
        };
    }

    /// <summary>Excel turns "8-18" typed into a date-formatted column into 18 August; the reader then gives "2026-08-18" (or a day number).</summary>
    private string DateHint() => LooksLikeDate().IsMatch(Input)
        ? "；看起来是日期（Excel 自动转换），请把该列设为文本格式 / looks like a date (Excel converted it): format the column as text"
        : "";

    [GeneratedRegex(@"^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{4}年\d{1,2}月\d{1,2}日|[2-7]\d{4}(?:\.\d+)?)\s*$")]
    private static partial Regex LooksLikeDate();

    public override string ToString() => Message;
}
