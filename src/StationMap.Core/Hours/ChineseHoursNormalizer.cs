using System.Text;
using System.Text.RegularExpressions;

namespace StationMap.Hours;

/// <summary>
/// Rewrites what staff type ("周一至周五 8:00-18:00，周六、周日 9:00-17:00") into the ASCII grammar the parser
/// reads. Canonical input passes through unchanged in meaning, so this always runs before parsing.
/// </summary>
internal static partial class ChineseHoursNormalizer
{
    private const string Day = "(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)";

    public static string Normalize(string input)
    {
        // NFKC turns full-width digits, colons, commas and dashes (８：００－１８：００，) into ASCII.
        var s = input.Normalize(NormalizationForm.FormKC).Replace('、', ',').Replace('。', ' ');
        s = Dashes().Replace(s, "-");
        s = AlwaysOpen().Replace(s, " 00:00-24:00 ");
        s = BareDayInList().Replace(s, "周");
        s = ChineseDayRange().Replace(s, m => $"{DayCode(m.Groups[1].Value)}-{DayCode(m.Groups[2].Value)}");
        s = Weekend().Replace(s, "Sa,Su");
        s = ChineseDay().Replace(s, m => DayCode(m.Groups[1].Value));
        s = DayWords().Replace(s, m => m.Value switch
        {
            "工作日" => "Mo-Fr",
            "周末" or "双休日" or "休息日" => "Sa,Su",
            "每天" or "每日" or "天天" or "全周" or "全年无休" or "全年" or "常年" => " ",
            _ => "PH",
        });
        s = LabelColon().Replace(s, " ");
        s = ClosedWords().Replace(s, " off ");
        s = Filler().Replace(s, " ");
        s = TimeRangeText().Replace(s, TimeRangeToText);
        s = DayListSeparator().Replace(s, ",");
        s = TimeListSeparator().Replace(s, ",");
        s = DaysAfterTimes().Replace(s, MoveDaysFirst);
        s = Brackets().Replace(s, " ");
        s = RuleSeparator().Replace(s, "; ");
        s = SelectorSpace().Replace(s, " ");
        return Spaces().Replace(s, " ").Trim(' ', ',', ';');
    }

    /// <summary>"08:00-18:00 (Mo-Fr)" → "Mo-Fr 08:00-18:00"; times that already follow a selector stay as they are.</summary>
    private static string MoveDaysFirst(Match m) =>
        m.Groups["selector"].Success ? m.Value : $"{m.Groups["days"].Value} {m.Groups["times"].Value} ";

    private static string DayCode(string chinese) => chinese switch
    {
        "一" => "Mo", "二" => "Tu", "三" => "We", "四" => "Th", "五" => "Fr", "六" => "Sa", _ => "Su",
    };

    private static string TimeRangeToText(Match m)
    {
        string p1 = m.Groups["p1"].Value, p2 = m.Groups["p2"].Value;
        int h1 = int.Parse(m.Groups["h1"].Value), h2 = int.Parse(m.Groups["h2"].Value);
        // "下午2点-6点" means 14-18, but "晚8点-6点" runs overnight to 06:00.
        if (p2.Length == 0 && IsAfternoon(p1) && h2 > h1 && !m.Groups["next"].Success)
            p2 = p1;
        string start = Clock(p1, h1, m.Groups["m1"].Value), end = Clock(p2, h2, m.Groups["m2"].Value);
        // "次日" is implied by an end before the start; one after it would be a range longer than a day: leave the
        // word in so the parser refuses it rather than silently dropping a day.
        bool overnight = string.CompareOrdinal(end, start) <= 0;
        return m.Groups["next"].Success && !overnight ? $"{start}-{m.Groups["next"].Value}{end}" : $"{start}-{end}";
    }

    private static string Clock(string period, int hour, string minutes)
    {
        if (IsAfternoon(period) && hour < 12)
            hour += 12;
        else if (period is "中午" or "午间" && hour < 6)
            hour += 12;
        int minute = minutes switch { "" => 0, "半" => 30, _ => int.Parse(minutes) };
        return $"{hour:00}:{minute:00}";
    }

    private static bool IsAfternoon(string period) =>
        period is "下午" or "傍晚" or "晚上" or "晚间" or "夜间" or "晚" or "夜";

    [GeneratedRegex("[~〜—–―‐]|至|到|-{2,}")]
    private static partial Regex Dashes();

    /// <summary>One phrase, however many of its words are used ("全天24小时" is one all-day range, not two).</summary>
    [GeneratedRegex(@"(?:全天候?\s*)?(?:7\s*[x×X*]\s*24\s*(?:小时|h|H)?|24\s*(?:小时|h|H))(?:\s*全天候?)?|全天候|全天")]
    private static partial Regex AlwaysOpen();

    /// <summary>"周一、三、五" and "周一至三、五": only the first day carries 周; give it to the others.</summary>
    [GeneratedRegex(@"(?<=(?:周|星期|礼拜)[一二三四五六日天](?:\s*[,和及与-]\s*[一二三四五六日天])*\s*[,和及与-]\s*)(?=[一二三四五六日天])")]
    private static partial Regex BareDayInList();

    /// <summary>A colon not after a digit ends a label: "周一至周五：8:00", "每天: 8:00". Times keep theirs ("8:00").</summary>
    [GeneratedRegex(@"(?<![\d\s])\s*:")]
    private static partial Regex LabelColon();

    [GeneratedRegex(@"(?:周|星期|礼拜)([一二三四五六日天])\s*-\s*(?:周|星期|礼拜)?([一二三四五六日天])")]
    private static partial Regex ChineseDayRange();

    [GeneratedRegex(@"(?:周|星期|礼拜)六\s*,?\s*(?:周|星期|礼拜)?[日天]")]
    private static partial Regex Weekend();

    [GeneratedRegex(@"(?:周|星期|礼拜)([一二三四五六日天])")]
    private static partial Regex ChineseDay();

    [GeneratedRegex("工作日|周末|双休日|休息日|法定节假日|节假日|法定假日|公休日|每天|每日|天天|全周|全年无休|全年|常年")]
    private static partial Regex DayWords();

    [GeneratedRegex("不开放|不营业|停止营业|暂停开放|闭馆|关闭|休息|休")]
    private static partial Regex ClosedWords();

    [GeneratedRegex(@"(?:营业|开放|服务|办公)?时间\s*:?|营业|开放|服务|办公|对外")]
    private static partial Regex Filler();

    /// <summary>Kept until <see cref="DaysAfterTimes"/> has used them: "8:00-18:00（周一至周五）" brackets the days it qualifies.</summary>
    [GeneratedRegex(@"[()]")]
    private static partial Regex Brackets();

    private const string Selector = "(?>" + Day + @"(?:-" + Day + @")?(?:," + Day + @"(?:-" + Day + @")?)*)";
    private const string Times = @"(?>\d{2}:\d{2}-(?:次日|翌日|第二天)?\d{2}:\d{2}(?:,\d{2}:\d{2}-(?:次日|翌日|第二天)?\d{2}:\d{2})*)";

    /// <summary>
    /// Times followed by the days they are for: in brackets anywhere, or bare at the end of a rule (before "," ";" or
    /// the end). A bare selector followed by times starts the next rule ("08:00-18:00 Sa 09:00-12:00"), so it is not
    /// moved. The optional leading selector consumes times that already have days, which are then left alone.
    /// </summary>
    [GeneratedRegex(@"(?<selector>" + Selector + @"\s*)?(?<times>" + Times + @")\s*(?:\(\s*(?<days>" + Selector + @")\s*\)|(?<days>" + Selector + @")(?=\s*(?:[,;]|$)))")]
    private static partial Regex DaysAfterTimes();

    private const string Period = "上午|早上|早晨|清晨|早|凌晨|中午|午间|下午|傍晚|晚上|晚间|夜间|晚|夜";

    [GeneratedRegex(@"(?:(?<p1>" + Period + @")\s*)?(?<h1>\d{1,2})\s*(?::\s*(?<m1>\d{2})|[点时]\s*(?<m1>半|\d{1,2})?\s*分?)?\s*-\s*"
        + @"(?<next>次日|翌日|第二天)?\s*(?<p2>" + Period + @")?\s*(?<h2>\d{1,2})\s*(?::\s*(?<m2>\d{2})|[点时]\s*(?<m2>半|\d{1,2})?\s*分?)?")]
    private static partial Regex TimeRangeText();

    [GeneratedRegex(@"(?<=" + Day + @")\s*(?:和|及|与|,)\s*(?=" + Day + ")")]
    private static partial Regex DayListSeparator();

    [GeneratedRegex(@"(?<=\d|off)[\s,;]+(?=" + Day + ")")]
    private static partial Regex RuleSeparator();

    [GeneratedRegex(@"(?<=\d)[\s,]+(?=\d{1,2}:\d{2}-)")]
    private static partial Regex TimeListSeparator();

    [GeneratedRegex(@"(?<=" + Day + @")\s*(?=\d|off)")]
    private static partial Regex SelectorSpace();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
