using System.CommandLine;

namespace StationMap.Cli;

/// <summary>Every top-level command, one line each; each feature folder builds its own.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All() =>
    [
        ConvertCommand.Create(),
    ];
}
