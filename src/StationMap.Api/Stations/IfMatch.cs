using System.Globalization;

namespace StationMap.Api.Stations;

/// <summary>Reads a station version from an If-Match header ("3" or W/"3").</summary>
internal static class IfMatch
{
    public static int? Version(HttpRequest request)
    {
        var raw = request.Headers.IfMatch.ToString().Replace("W/", "").Trim('"', ' ');
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
