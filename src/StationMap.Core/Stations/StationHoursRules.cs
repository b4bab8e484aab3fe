using System.Collections.Concurrent;
using StationMap.Common;
using StationMap.Hours;

namespace StationMap.Stations;

internal static class StationHoursRules
{
    // Imports repeat a handful of texts ("24小时", "周一至周五 8:00-18:00") thousands of times: parse each once.
    private const int CacheLimit = 10_000;
    private static readonly ConcurrentDictionary<string, (string? Canonical, string? Error)> Cache = new();

    /// <summary>Canonical opening_hours text ("24小时" → "24/7"), or an error naming what could not be read.</summary>
    public static string? Normalize(string? text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Cache.TryGetValue(text, out var result))
        {
            result = OpeningHours.TryParse(text, out var hours, out var error) ? (hours.Canonical, null) : (null, error.Message);
            if (Cache.Count < CacheLimit) Cache.TryAdd(text, result);
        }
        if (result.Error is not null) errors.Add(new FieldError("openingHours", "hours_format", result.Error));
        return result.Canonical;
    }
}
