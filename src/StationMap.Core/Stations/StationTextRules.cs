using System.Text.RegularExpressions;
using StationMap.Common;

namespace StationMap.Stations;

/// <summary>Rules every text value obeys, whichever way it comes in (API, import, console).</summary>
public static partial class StationTextRules
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodePattern();

    /// <summary>Codes travel in URLs, file names and feeds: letters, digits, '_' and '-' only.</summary>
    public static bool IsValidCode(string code) => CodePattern().IsMatch(code);

    /// <summary>
    /// The first character PostgreSQL (or a page) cannot take: control characters (NUL included; tab and line
    /// breaks only where <paramref name="multiline"/>) and halves of a surrogate pair standing alone.
    /// </summary>
    public static int BadCharacterAt(string text, bool multiline = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return i;
            if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r')) return i;
        }
        return -1;
    }

    /// <summary>Adds an error when the text has a character we refuse; true when the text is clean.</summary>
    public static bool CheckCharacters(string? text, string field, List<FieldError> errors, bool multiline = false)
    {
        if (text is null) return true;
        var at = BadCharacterAt(text, multiline);
        if (at < 0) return true;
        var shown = $"U+{(int)text[at]:X4}";
        errors.Add(FieldError.Of(field, "invalid_character", $"{field} 含有不允许的控制字符（第 {at + 1} 个字符，{shown}）",
            $"{field} contains a control character that is not allowed (character {at + 1}, {shown})"));
        return false;
    }

    /// <summary>Trims, checks characters and length; null for blank.</summary>
    public static string? Optional(string? value, string field, string chinese, int max, List<FieldError> errors, bool multiline = false)
    {
        var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (v is null || !CheckCharacters(v, field, errors, multiline)) return v;
        if (v.Length > max)
            errors.Add(FieldError.Of(field, "too_long", $"{chinese}不能超过{max}个字符（现为{v.Length}）",
                $"{field} must be at most {max} characters (has {v.Length})"));
        return v;
    }

    /// <summary>
    /// Text the map providers' files carry (name, address, host, other services) may not start as a spreadsheet
    /// formula does: those files go to the providers exactly as stored, and staff also open them in Excel, where
    /// "=HYPERLINK(…)" would run. No real name or address starts with = + - @.
    /// </summary>
    public static void CheckNotFormula(string? text, string field, string chinese, List<FieldError> errors)
    {
        if (text is [('=' or '+' or '-' or '@'), ..])
            errors.Add(FieldError.Of(field, "formula_like", $"{chinese}不能以 = + - @ 开头（电子表格会把它当作公式执行）",
                $"{field} must not start with = + - @ (a spreadsheet would run it as a formula)"));
    }

    /// <summary>A value echoed in an error message, cut so a huge input does not make a huge answer.</summary>
    public static string Echo(string? value, int max = 40) =>
        value is null ? "" : value.Length <= max ? value : string.Concat(value.AsSpan(0, max), "…");
}
