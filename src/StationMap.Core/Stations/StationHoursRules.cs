using StationMap.Common;

namespace StationMap.Stations;

internal static class StationHoursRules
{
    // TEMPORARY until the Hours module lands: keeps the text as written.
    public static string? Normalize(string? text, List<FieldError> errors)
    {
        _ = errors;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
