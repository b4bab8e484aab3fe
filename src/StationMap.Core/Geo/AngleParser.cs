using System.Globalization;

namespace StationMap.Geo;

/// <summary>
/// One angle as staff write it, already normalized: "116.397", "-33.8", "116°23'17.5\"E", "39 54 27 N",
/// "东经116度23分17.5秒", "N39.9". Returns the signed value in degrees and the axis its hemisphere names, if any.
/// Range is not checked here: the caller knows the axis and wants to detect swapped pairs first.
/// </summary>
internal static class AngleParser
{
    private static readonly (string Mark, Axis Axis, int Sign)[] Prefixes =
    [
        ("北纬", Axis.Lat, 1), ("南纬", Axis.Lat, -1), ("东经", Axis.Lng, 1), ("西经", Axis.Lng, -1),
        ("北緯", Axis.Lat, 1), ("南緯", Axis.Lat, -1), ("東經", Axis.Lng, 1), ("西經", Axis.Lng, -1),
        ("北", Axis.Lat, 1), ("南", Axis.Lat, -1), ("东", Axis.Lng, 1), ("西", Axis.Lng, -1), ("東", Axis.Lng, 1),
        ("N", Axis.Lat, 1), ("S", Axis.Lat, -1), ("E", Axis.Lng, 1), ("W", Axis.Lng, -1),
    ];

    public static CoordParseResult<(double Value, Axis Hint)> Parse(string text, Axis axis)
    {
        var s = text.Trim();
        if (s.Length == 0) return CoordErrorCodes.EmptyError(axis);
        if (IsNonFinite(s)) return CoordErrorCodes.NotFiniteError(axis, text); // before "NaN" loses its N
        var (hint, hemiSign) = StripHemisphere(ref s);
        var body = s.Trim().TrimStart(':').Trim();

        var sign = 1;
        if (body.StartsWith('-') || body.StartsWith('+'))
        {
            if (body[0] == '-') sign = -1;
            body = body[1..].TrimStart();
        }
        if (sign < 0 && hemiSign < 0) return CoordErrorCodes.NotANumberError(axis, text); // "-39 S": which?

        Span<double> parts = stackalloc double[3];
        var count = 0;
        var lastUnit = -1; // 0 degrees, 1 minutes, 2 seconds
        var i = 0;
        while (i < body.Length)
        {
            var start = i;
            while (i < body.Length && (char.IsAsciiDigit(body[i]) || body[i] == '.')) i++;
            if (i == start || count == 3 ||
                !double.TryParse(body.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return CoordErrorCodes.NotANumberError(axis, text);
            while (i < body.Length && body[i] == ' ') i++;
            var unit = i < body.Length ? UnitOf(body[i]) : -1;
            if (unit >= 0) i++;
            else unit = lastUnit + 1; // positional: "39 54 27"
            if (unit <= lastUnit || unit > 2) return CoordErrorCodes.BadDmsError(axis, text);
            while (i < body.Length && body[i] == ' ') i++;
            parts[unit] = number;
            lastUnit = unit;
            count++;
        }
        if (count == 0) return CoordErrorCodes.NotANumberError(axis, text);
        if (!ValidDms(parts, lastUnit)) return CoordErrorCodes.BadDmsError(axis, text);
        var value = sign * hemiSign * (parts[0] + parts[1] / 60.0 + parts[2] / 3600.0);
        return CoordParseResult<(double, Axis)>.Success((value, hint));
    }

    private static int UnitOf(char c) => c switch
    {
        '°' or '度' => 0,
        '\'' or '分' => 1,
        '"' or '秒' => 2,
        _ => -1,
    };

    // Minutes and seconds below 60; only the last given part may carry a fraction.
    private static bool ValidDms(ReadOnlySpan<double> parts, int lastUnit)
    {
        if (parts[1] >= 60 || parts[2] >= 60) return false;
        for (var u = 0; u < lastUnit; u++)
            if (parts[u] != Math.Floor(parts[u])) return false;
        return true;
    }

    private static (Axis Hint, int Sign) StripHemisphere(ref string s)
    {
        foreach (var (mark, axis, sign) in Prefixes)
        {
            if (s.StartsWith(mark, StringComparison.OrdinalIgnoreCase)) { s = s[mark.Length..]; return (axis, sign); }
            if (s.EndsWith(mark, StringComparison.OrdinalIgnoreCase)) { s = s[..^mark.Length]; return (axis, sign); }
        }
        return (Axis.Unknown, 1);
    }

    private static bool IsNonFinite(string body)
    {
        var t = body.TrimStart('+', '-').Trim();
        return t.Equals("nan", StringComparison.OrdinalIgnoreCase) || t.StartsWith("inf", StringComparison.OrdinalIgnoreCase)
            || t == "∞";
    }
}
