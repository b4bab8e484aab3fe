using System.Diagnostics;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Cli;

/// <summary>`stationmap keys create --role` takes one of the four roles and nothing else.</summary>
public sealed class KeyRoleTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(StationMap.Cli.CliException).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__StationMap"] = api.ConnectionString;
        using var process = Process.Start(start)!;
        var err = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output, await err);
    }

    // Enum parsing made "editor,publisher" an admin key (1|2) and "7" a key above admin.
    [Theory]
    [InlineData("editor,publisher")]
    [InlineData("7")]
    public async Task Keys_create_refuses_a_role_that_is_not_one_of_the_four(string role)
    {
        var (code, output, err) = await CliAsync("keys", "create", "--org", "110108", "--role", role);
        Assert.True(code != 0, $"exit {code}: {output} {err}");
        Assert.DoesNotContain("smk_", output);
    }
}
