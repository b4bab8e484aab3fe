using System.Text.RegularExpressions;

namespace StationMap.Hours;

/// <summary>
/// Stored hours ("Mo-Fr 08:00-18:00; PH off", "24/7") as a Chinese reader writes them
/// ("周一至周五 08:00-18:00；法定节假日休息", "24小时营业"): what provider feeds send to the map.
/// The courier page does the same in wwwroot/js/courier/hours.js; keep the two in step (docs/opening-hours.md lists the wording).
/// </summary>
public static partial class ChineseHoursText
{
    public const string AlwaysOpen = "24小时营业";

    public static string Of(string? canonical)
    {
        if (string.IsNullOrWhiteSpace(canonical)) return "";
        var rules = RuleSeparator().Split(canonical.Trim()).Where(r => r.Length > 0).Select(Rule);
        return string.Join("；", rules);
    }

    private static string Rule(string rule)
    {
        if (rule == "24/7") return AlwaysOpen;
        // A rule without days applies every day.
        var s = char.IsAsciiDigit(rule[0]) ? "每天 " + rule : rule;
        s = DayCode().Replace(s, m => DayName(m.Value));
        s = DayRangeDash().Replace(s, "至");
        s = ListComma().Replace(s, "、");
        s = Off().Replace(s, "休息");
        return TimeRange().Replace(s, m => string.CompareOrdinal(m.Groups[2].Value, m.Groups[1].Value) <= 0
            ? $"{m.Groups[1].Value}-次日{m.Groups[2].Value}" : m.Value);
    }

    private static string DayName(string code) => code switch
    {
        "Mo" => "周一", "Tu" => "周二", "We" => "周三", "Th" => "周四", "Fr" => "周五", "Sa" => "周六", "Su" => "周日",
        _ => "法定节假日",
    };

    [GeneratedRegex(@";\s*")]
    private static partial Regex RuleSeparator();

    [GeneratedRegex(@"\b(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)\b")]
    private static partial Regex DayCode();

    [GeneratedRegex("-(?=周)")]
    private static partial Regex DayRangeDash();

    /// <summary>Between days ("周六、周日") and between time ranges ("08:00-12:00、14:00-18:00").</summary>
    [GeneratedRegex(@",(?=周|法|\d)")]
    private static partial Regex ListComma();

    [GeneratedRegex(@"\s*\b(?:off|closed)\b")]
    private static partial Regex Off();

    [GeneratedRegex(@"(\d{2}:\d{2})-(\d{2}:\d{2})")]
    private static partial Regex TimeRange();
}
