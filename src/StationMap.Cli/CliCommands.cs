using System.CommandLine;
using StationMap.Cli.Db;
using StationMap.Cli.Feeds;
using StationMap.Cli.Import;
using StationMap.Cli.Keys;

namespace StationMap.Cli;

/// <summary>Every top-level command, one line each; each feature folder builds its own.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All() =>
    [
        DbCommand.Create(),
        KeysCommand.Create(),
        ImportCommand.Create(),
        ExportCommand.Create(),
        PublicationCommand.Create(),
        ConvertCommand.Create(),
    ];
}
