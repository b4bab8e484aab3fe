using StationMap.Data;
using StationMap.Samples;

namespace StationMap.IntegrationTests.Infrastructure;

/// <summary>The API over the committed Beijing sample (2,400 synthetic stations).</summary>
public class SeededApiFixture : ApiFixture
{
    public IReadOnlyList<SampleStationRow> Sample { get; } = SampleStationGenerator.Beijing();

    protected override async Task OnStartedAsync()
    {
        await using var ds = StationMapDataSource.Create(ConnectionString);
        await SampleSeeder.LoadAsync(ds, Sample);
    }

    /// <summary>The sample has no step-free data: records a third of the stations step-free, a third not, a third unknown.</summary>
    public const string MarkStepFreeSql = "UPDATE stations SET accessible = CASE id % 3 WHEN 0 THEN true WHEN 1 THEN false END";

    /// <summary>Marks stations step-free (<see cref="MarkStepFreeSql"/>) and waits until the index has reloaded with them.</summary>
    public async Task MarkStepFreeAsync(HttpClient client)
    {
        await using (var ds = StationMapDataSource.Create(ConnectionString))
            await ds.CreateCommand(MarkStepFreeSql).ExecuteNonQueryAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var r = await client.GetAsync("/api/v1/stations/nearest?lng=116.4&lat=39.9&limit=1&accessible=true");
            if (r.Headers.TryGetValues("X-Nearest-Path", out var v) && v.Single() == "index"
                && (await r.JsonAsync()).GetProperty("results").GetArrayLength() == 1) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("the nearest index did not reload the step-free stations within 20 s");
    }
}
