using System.CommandLine;
using System.Globalization;
using StationMap.Geo;

namespace StationMap.Cli;

/// <summary>
/// <c>stationmap convert --from gcj02 --to wgs84 [lng lat]</c>: one point from the arguments, or "lng,lat"
/// lines from stdin to stdout. Bad lines go to stderr with their number and leave an empty output line;
/// the run continues and exits 1 if any line was bad (see <see cref="CoordStreamConverter"/>).
/// </summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var systems = string.Join(", ", CoordSysNames.All);
        var from = new Option<string>("--from") { Required = true, Description = "Source coordinate system: " + systems };
        var to = new Option<string>("--to") { Required = true, Description = "Target coordinate system: " + systems };
        var point = new Argument<string[]>("point")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "One point as \"lng lat\" or \"lng,lat\"; omit to read lng,lat lines from stdin",
        };
        var command = new Command("convert", "Convert coordinates between wgs84, gcj02, bd09 and bd09mc (坐标转换)");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Arguments.Add(point);
        command.SetAction(parseResult => Run(parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetValue(point) ?? []));
        return command;
    }

    private static int Run(string? fromText, string? toText, string[] point)
    {
        if (!CoordSysNames.TryParse(fromText, out var from) || !CoordSysNames.TryParse(toText, out var to))
        {
            Console.Error.WriteLine("未知坐标系 / unknown coordinate system; use one of: " + string.Join(", ", CoordSysNames.All));
            return 2;
        }
        if (point.Length == 0)
        {
            using var stdin = Console.OpenStandardInput();
            using var stdout = Console.OpenStandardOutput();
            var result = CoordStreamConverter.Convert(stdin, stdout, from, to, Console.Error);
            return result.Errors == 0 ? 0 : 1;
        }
        var text = string.Join(' ', point);
        var parsed = from == CoordSys.Bd09Mc ? CoordinateParser.ParseMercatorPair(text) : CoordinateParser.ParsePair(text, AxisOrder.LngLat);
        if (!parsed.Ok)
        {
            Console.Error.WriteLine(parsed.Error!.Message);
            return 1;
        }
        CoordConvert.Convert(from, to, parsed.Value.Lng, parsed.Value.Lat, out var lng, out var lat);
        Console.WriteLine(lng.ToString("F9", CultureInfo.InvariantCulture) + "," + lat.ToString("F9", CultureInfo.InvariantCulture));
        return 0;
    }
}
