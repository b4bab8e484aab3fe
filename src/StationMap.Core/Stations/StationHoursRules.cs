using StationMap.Common;
using StationMap.Hours;

namespace StationMap.Stations;

internal static class StationHoursRules
{
    /// <summary>Canonical opening_hours text ("24小时" → "24/7"), or an error naming what could not be read.</summary>
    public static string? Normalize(string? text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (OpeningHours.TryParse(text, out var hours, out var error)) return hours.Canonical;
        errors.Add(new FieldError("openingHours", "hours_format", error.Message));
        return null;
    }
}
