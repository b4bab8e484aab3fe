using StationMap.Common;
using StationMap.Hours;

namespace StationMap.Stations;

internal static class StationHoursRules
{
    /// <summary>Stores the canonical opening_hours form ("周一至周五 8:00-18:00" → "Mo-Fr 08:00-18:00").</summary>
    public static string? Normalize(string? text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!StationTextRules.CheckCharacters(text, "openingHours", errors)) return null;
        // Staff wording is longer than the canonical form, but not by this much: refuse before parsing.
        if (text.Length > StationLimits.OpeningHours * 2) return TooLong(errors);
        if (!OpeningHours.TryParse(text, out var hours, out var error))
        {
            errors.Add(new FieldError("openingHours", "hours_invalid", error.Message));
            return null;
        }
        return hours.Canonical.Length > StationLimits.OpeningHours ? TooLong(errors) : hours.Canonical;
    }

    private static string? TooLong(List<FieldError> errors)
    {
        errors.Add(FieldError.Of("openingHours", "too_long", $"开放时间不能超过{StationLimits.OpeningHours}个字符",
            $"openingHours must be at most {StationLimits.OpeningHours} characters"));
        return null;
    }
}
