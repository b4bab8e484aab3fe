namespace StationMap.Cli.Db;

internal static class SeedCommand
{
    // Filled in once the sample generator lands.
    public static Task<int> RunAsync(FileInfo? file, CancellationToken ct) { _ = file; _ = ct; return Task.FromResult(0); }
}
