using System.CommandLine;
using Spectre.Console;
using StationMap.Cli.Import;

namespace StationMap.IntegrationTests.Cli;

/// <summary>`stationmap import` checks its options before it reads the file or opens the database.</summary>
public sealed class CliImportTests
{
    // An operator who mistypes --coordsys expects the import to stop at once naming --coordsys, before any file or database work.
    [Fact]
    public async Task An_unknown_coordsys_fails_at_once_naming_the_option()
    {
        var (code, output) = await Cli("import", Path.Combine(Path.GetTempPath(), "no-such-stations.csv"), "--coordsys", "foo");
        Assert.Equal(2, code);
        Assert.Contains("--coordsys must be one of wgs84, gcj02, bd09, bd09mc / 坐标系无效: foo", output);
        Assert.DoesNotContain("file not found", output);
    }

    private static async Task<(int Code, string Output)> Cli(params string[] args)
    {
        var writer = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        AnsiConsole.Console.Profile.Width = 1000;
        try
        {
            var code = await new RootCommand { ImportCommand.Create() }.Parse(args).InvokeAsync();
            return (code, writer.ToString());
        }
        finally { AnsiConsole.Console = previous; }
    }
}
