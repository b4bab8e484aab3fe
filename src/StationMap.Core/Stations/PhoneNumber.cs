using System.Text.RegularExpressions;

namespace StationMap.Stations;

/// <summary>
/// Chinese phone numbers as staff write them: mobile (13812345678), landline with area code
/// (010-62345678, 0755 8888 8888, extension -123), 400/800 numbers and 95xxx/96xxx/10xxx-12xxx service lines (95588, 10086, 11183, 12345).
/// Several numbers may be separated by "/", "、", ",", ";".
/// </summary>
public static partial class PhoneNumber
{
    [GeneratedRegex(@"^(?:\+?86)?1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{2,3}-?[2-9]\d{6,7}(?:(?:-|转)\d{1,6})?$")]
    private static partial Regex Landline();

    [GeneratedRegex(@"^[48]00-?\d{3}-?\d{4}$")]
    private static partial Regex TollFree();

    [GeneratedRegex(@"^(?:95\d{3,6}|96\d{3,5}|1[0-2]\d{3})$")]
    private static partial Regex ServiceLine();

    private static readonly char[] Separators = ['/', '、', ',', '，', ';', '；'];

    /// <summary>Returns the numbers normalised (spaces and brackets removed), or null when one is not a phone number.</summary>
    public static string? Normalize(string text)
    {
        var parts = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return null;
        var cleaned = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            var p = Fullwidth.ToHalfwidth(part).Replace(" ", "").Replace("(", "").Replace(")", "").Replace("—", "-");
            if (!(Mobile().IsMatch(p) || Landline().IsMatch(p) || TollFree().IsMatch(p) || ServiceLine().IsMatch(p)))
                return null;
            cleaned.Add(p);
        }
        return string.Join("/", cleaned);
    }
}
