namespace StationMap.Hours;

/// <summary>
/// Strict parser for the canonical subset (see docs/opening-hours.md). Chinese is handled before this.
/// With <paramref name="requireTimes"/> a day selector without times is an error instead of OSM's "all day".
/// </summary>
internal sealed class HoursParser(string text, bool requireTimes = false)
{
    private static readonly string[] DayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    private int _pos;
    /// <summary>The rule before had times but no days, so days without times after it are probably those times' days.</summary>
    private bool _afterTimesWithoutDays;

    public HoursError? Error { get; private set; }

    public List<HoursRule>? Parse()
    {
        var rules = new List<HoursRule>();
        while (true)
        {
            SkipSpaces();
            if (AtEnd)
                break;
            if (Peek == ';') { _pos++; continue; }
            int ruleAt = _pos;
            var rule = ParseRule();
            if (rule is null)
                return null;
            rules.Add(rule);
            _afterTimesWithoutDays = char.IsAsciiDigit(text[ruleAt]);
            SkipSpaces();
            if (!AtEnd && Peek != ';')
                return Fail<List<HoursRule>>(HoursErrorCode.Unrecognised);
        }
        return rules.Count == 0 ? Fail<List<HoursRule>>(HoursErrorCode.Empty) : rules;
    }

    private bool AtEnd => _pos >= text.Length;
    private char Peek => text[_pos];

    private HoursRule? ParseRule()
    {
        if (Accept("24/7"))
            return new HoursRule(HoursRule.AllDays, false, [new TimeRange(0, TimeRange.FullDay)]);
        int days = HoursRule.AllDays;
        bool holidays = false;
        int selectorAt = _pos;
        if (char.IsAsciiLetter(Peek) && !LooksLikeOff())
        {
            if (!ParseSelector(out days, out holidays))
                return null;
            SkipSpaces();
        }
        if (AtEnd || Peek == ';')
        {
            // OSM: a day selector without times means open all day.
            // Times were written but before the days in a way the normaliser could not reorder: don't ask for times.
            if (requireTimes)
                return Fail<HoursRule>(_afterTimesWithoutDays ? HoursErrorCode.DaysAfterTimes : HoursErrorCode.DaysWithoutTimes, selectorAt);
            return new HoursRule(days, holidays, [new TimeRange(0, TimeRange.FullDay)]);
        }
        if (Accept("off") || Accept("closed"))
            return new HoursRule(days, holidays, []);
        var ranges = ParseRanges();
        return ranges is null ? null : new HoursRule(days, holidays, ranges);
    }

    private bool LooksLikeOff() =>
        string.Compare(text, _pos, "off", 0, 3, StringComparison.OrdinalIgnoreCase) == 0
        || string.Compare(text, _pos, "closed", 0, 6, StringComparison.OrdinalIgnoreCase) == 0;

    private bool ParseSelector(out int days, out bool holidays)
    {
        days = 0;
        holidays = false;
        do
        {
            SkipSpaces();
            if (Accept("PH")) { holidays = true; continue; }
            int from = ParseDay();
            if (from < 0)
                return false;
            int to = from;
            if (!AtEnd && Peek == '-')
            {
                _pos++;
                to = ParseDay();
                if (to < 0)
                    return false;
            }
            // Wrapping ranges such as Fr-Mo are allowed, as in OSM.
            for (int d = from; ; d = (d + 1) % 7)
            {
                days |= 1 << d;
                if (d == to) break;
            }
        } while (Accept(","));
        return true;
    }

    private int ParseDay()
    {
        for (int d = 0; d < DayNames.Length; d++)
        {
            if (Accept(DayNames[d]))
                return d;
        }
        Fail<object>(HoursErrorCode.UnknownWeekday);
        return -1;
    }

    private TimeRange[]? ParseRanges()
    {
        var ranges = new List<TimeRange>();
        do
        {
            SkipSpaces();
            int at = _pos;
            int start = ParseTime(allow24: false);
            if (start < 0)
                return null;
            if (!Accept("-"))
                return Fail<TimeRange[]>(HoursErrorCode.Unrecognised);
            int end = ParseTime(allow24: true);
            if (end < 0)
                return null;
            if (start == end)
                return Fail<TimeRange[]>(HoursErrorCode.EmptyRange, at);
            ranges.Add(new TimeRange(start, end));
        } while (Accept(","));
        return [.. ranges];
    }

    /// <summary>H:MM or HH:MM; 24:00 only as an end. Returns minutes or -1.</summary>
    private int ParseTime(bool allow24)
    {
        int at = _pos;
        int digits = 0, hour = 0;
        while (!AtEnd && char.IsAsciiDigit(Peek) && digits < 3) { hour = hour * 10 + (Peek - '0'); _pos++; digits++; }
        if (digits == 0)
            return FailTime(HoursErrorCode.Unrecognised, at);
        if (digits > 2 || !Accept(":") || _pos + 2 > text.Length
            || !char.IsAsciiDigit(text[_pos]) || !char.IsAsciiDigit(text[_pos + 1]))
            return FailTime(HoursErrorCode.InvalidTime, at);
        int minute = (text[_pos] - '0') * 10 + (text[_pos + 1] - '0');
        _pos += 2;
        bool valid = minute < 60 && (hour < 24 || (allow24 && hour == 24 && minute == 0));
        return valid ? hour * 60 + minute : FailTime(HoursErrorCode.InvalidTime, at);
    }

    private bool Accept(string token)
    {
        if (_pos + token.Length > text.Length
            || string.Compare(text, _pos, token, 0, token.Length, StringComparison.OrdinalIgnoreCase) != 0)
            return false;
        _pos += token.Length;
        return true;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek)) _pos++;
    }

    private T? Fail<T>(HoursErrorCode code, int? at = null) where T : class
    {
        Error ??= new HoursError(code, text, at ?? _pos);
        return null;
    }

    private int FailTime(HoursErrorCode code, int at)
    {
        Error ??= new HoursError(code, text, at);
        return -1;
    }
}
