using System.CommandLine;
using StationMap.Cli.Db;
using StationMap.Cli.Feeds;
using StationMap.Cli.Keys;
using StationMap.Cli.Nearby;

namespace StationMap.Cli;

/// <summary>Every top-level command, one line each; each feature folder builds its own.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All() =>
    [
        DbCommand.Create(),
        KeysCommand.Create(),
        ConvertCommand.Create(),
        NearestCommand.Create(),
        ExportCommand.Create(),
        PublicationCommand.Create(),
        Import.ImportCommand.Create(),
        Coverage.BoundariesCommand.Create(),
        Coverage.CoverageCommand.Create(),
        Coverage.SitingCommand.Create(),
    ];
}
