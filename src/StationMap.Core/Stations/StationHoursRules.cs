using StationMap.Common;
using StationMap.Hours;

namespace StationMap.Stations;

internal static class StationHoursRules
{
    /// <summary>Stores the canonical opening_hours form ("周一至周五 8:00-18:00" → "Mo-Fr 08:00-18:00").</summary>
    public static string? Normalize(string? text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (OpeningHours.TryParse(text, out var hours, out var error)) return hours.Canonical;
        errors.Add(new FieldError("openingHours", "hours_invalid", error.Message));
        return null;
    }
}
