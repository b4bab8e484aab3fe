using System.Text;

namespace StationMap.Hours;

/// <summary>Writes rules back in canonical form: <c>Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00</c>.</summary>
internal static class HoursFormatter
{
    private static readonly string[] DayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

    public static string Format(IReadOnlyList<HoursRule> rules)
    {
        var sb = new StringBuilder();
        foreach (var rule in rules)
        {
            if (sb.Length > 0)
                sb.Append("; ");
            AppendRule(sb, rule);
        }
        return sb.ToString();
    }

    private static void AppendRule(StringBuilder sb, HoursRule rule)
    {
        if (rule.IsAlwaysOpen && !rule.Holidays)
        {
            sb.Append("24/7");
            return;
        }
        // Every day is the default, so "每天" loses its selector; a PH-only rule has Days == 0.
        bool selector = rule.Days != HoursRule.AllDays || rule.Holidays;
        if (selector)
        {
            AppendDays(sb, rule.Days);
            if (rule.Holidays)
                sb.Append(rule.Days == 0 ? "PH" : ",PH");
            sb.Append(' ');
        }
        if (rule.Ranges.Length == 0)
        {
            sb.Append("off");
            return;
        }
        for (int i = 0; i < rule.Ranges.Length; i++)
        {
            if (i > 0)
                sb.Append(',');
            AppendTime(sb, rule.Ranges[i].Start).Append('-');
            AppendTime(sb, rule.Ranges[i].End);
        }
    }

    /// <summary>Runs of three or more days become ranges (Mo-Fr); pairs stay a list (Sa,Su), as OSM tools write them.</summary>
    private static void AppendDays(StringBuilder sb, int days)
    {
        bool first = true;
        for (int d = 0; d < 7; d++)
        {
            if ((days & (1 << d)) == 0)
                continue;
            int end = d;
            while (end + 1 < 7 && (days & (1 << (end + 1))) != 0)
                end++;
            if (!first)
                sb.Append(',');
            first = false;
            sb.Append(DayNames[d]);
            if (end - d >= 2)
                sb.Append('-').Append(DayNames[end]);
            else if (end - d == 1)
                sb.Append(',').Append(DayNames[end]);
            d = end;
        }
    }

    private static StringBuilder AppendTime(StringBuilder sb, int minutes) =>
        sb.Append((minutes / 60).ToString("00")).Append(':').Append((minutes % 60).ToString("00"));
}
