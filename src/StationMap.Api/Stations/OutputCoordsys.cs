using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Geo;

namespace StationMap.Api.Stations;

/// <summary>The `coordsys` query parameter: which system coordinates are read in or written out.</summary>
internal static class OutputCoordsys
{
    public static bool TryParse(string? text, out CoordSys sys, out ValidationProblem? error, string name = "coordsys")
    {
        error = null;
        sys = CoordSys.Wgs84;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (CoordSysNames.TryParse(text, out sys) && sys != CoordSys.Bd09Mc) return true;
        error = Problems.Validation([QueryParameters.Invalid(name, text, QueryParameters.ValidCoordsys)]);
        return false;
    }
}
