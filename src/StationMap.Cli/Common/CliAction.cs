using System.CommandLine;
using Spectre.Console;

namespace StationMap.Cli;

internal static class CliAction
{
    /// <summary>Runs an async action, turning user errors into one red line and exit code 2.</summary>
    public static void SetSafeAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await action(parse, ct);
            }
            catch (CliException e)
            {
                AnsiConsole.Console.Write(new Markup($"[red]{Markup.Escape(e.Message)}[/]\n"));
                return 2;
            }
        });
}
