using Microsoft.EntityFrameworkCore;
using StationMap.Samples;

namespace StationMap.Cli.Db;

/// <summary>Loads the Beijing sample stations when the store has none, so `make run` shows a real map.</summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(FileInfo? file, CancellationToken ct)
    {
        await using var ds = CliDatabase.OpenDataSource();
        await using (var db = CliDatabase.OpenDb(ds))
        {
            var existing = await db.Stations.IgnoreQueryFilters().CountAsync(ct);
            if (existing > 0)
            {
                Console.WriteLine($"store already has {existing} stations; sample data not loaded");
                return 0;
            }
        }
        var path = file?.FullName ?? DataFolder.Find("sample-stations-beijing.csv");
        using var reader = new StreamReader(path);
        var count = await SampleSeeder.LoadAsync(ds, SampleCsv.Read(reader), ct);
        Console.WriteLine($"loaded {count} synthetic sample stations from {path}");
        return 0;
    }
}
