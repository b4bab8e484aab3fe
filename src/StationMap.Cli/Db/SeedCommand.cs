using Microsoft.EntityFrameworkCore;
using StationMap.Samples;

namespace StationMap.Cli.Db;

/// <summary>Loads the Beijing sample stations when the store has none, so `make run` shows a real map.</summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(FileInfo? file, int? china, CancellationToken ct)
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
        if (china is { } count)
        {
            var started = DateTime.UtcNow;
            var loaded = await SampleSeeder.LoadAsync(ds, SampleStationGenerator.China(count, seed: 1), ct);
            Console.WriteLine($"generated and loaded {loaded} synthetic stations across China in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
            return 0;
        }
        var path = file?.FullName ?? DataFolder.Find("sample-stations-beijing.csv");
        using var reader = new StreamReader(path);
        var rows = await SampleSeeder.LoadAsync(ds, SampleCsv.Read(reader), ct);
        Console.WriteLine($"loaded {rows} synthetic sample stations from {path}");
        return 0;
    }
}
