using Microsoft.AspNetCore.Http.HttpResults;
using StationMap.Common;
using StationMap.Geo;

namespace StationMap.Api.Stations;

/// <summary>
/// The output system of a read that takes no coordinates in (one station, its history): <c>outCoordsys</c>, as on
/// nearest. <c>coordsys</c> is kept as its older alias (clients used it here before outCoordsys existed); both
/// given and different is a 400 rather than a guess.
/// </summary>
internal static class OutputCoordsys
{
    private static readonly HashSet<string> Known = new(["outCoordsys", "coordsys"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The whole query string of such a read: any other parameter is refused by name.</summary>
    public static bool OfRead(IQueryCollection q, out CoordSys output, out ValidationProblem? error)
    {
        var errors = new List<FieldError>();
        QueryParameters.RejectUnknown(q, Known, errors);
        output = Read(q, errors);
        error = errors.Count > 0 ? Problems.Validation(errors) : null;
        return error is null;
    }

    private static CoordSys Read(IQueryCollection q, List<FieldError> errors)
    {
        var before = errors.Count;
        var alias = QueryParameters.Coordsys(q, "coordsys", CoordSys.Wgs84, errors);
        var output = QueryParameters.Coordsys(q, "outCoordsys", alias, errors);
        if (errors.Count == before && q.ContainsKey("coordsys") && q.ContainsKey("outCoordsys") && alias != output)
            errors.Add(FieldError.Of("outCoordsys", "conflicting_parameter",
                $"coordsys（{alias.ToWire()}）与 outCoordsys（{output.ToWire()}）不一致；此处只有输出坐标系，请只用 outCoordsys",
                $"coordsys ({alias.ToWire()}) and outCoordsys ({output.ToWire()}) disagree; this read only has an output system: use outCoordsys alone"));
        return output;
    }

    /// <summary>A write's answer (the record written, or the current one in a 409): <c>outCoordsys</c> only, since the
    /// body's <c>coordsys</c> is the system of what comes in. Checked before anything is written.</summary>
    public static bool OfWrite(IQueryCollection q, out CoordSys output, out ValidationProblem? error)
    {
        var errors = new List<FieldError>();
        output = QueryParameters.Coordsys(q, "outCoordsys", CoordSys.Wgs84, errors);
        error = errors.Count > 0 ? Problems.Validation(errors) : null;
        return error is null;
    }
}
