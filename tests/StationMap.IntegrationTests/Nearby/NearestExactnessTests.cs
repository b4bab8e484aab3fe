using Npgsql;
using NetTopologySuite.Geometries;
using StationMap.Data;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.Nearby;
using StationMap.Samples;
using StationMap.Stations;

namespace StationMap.IntegrationTests.Nearby;

/// <summary>Both serving paths against brute force: PostGIS spheroid distance to every station.</summary>
public class NearestExactnessTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    /// <summary>Ordinary days, National Day (PH off stations closed), a 调休 Saturday, and a year the holiday calendar does not cover.</summary>
    private static readonly DateTimeOffset[] Days = [.. new[] { "2026-11-28", "2026-11-29", "2026-11-30", "2026-10-01", "2026-10-10", "2027-03-01" }
        .Select(d => DateTimeOffset.Parse(d + "T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task Both_paths_return_the_true_k_nearest_by_spheroid_distance_for_random_queries_and_filters()
    {
        await using var db = StationMapDataSource.Create(api.ConnectionString);
        await db.CreateCommand(SeededApiFixture.MarkStepFreeSql).ExecuteNonQueryAsync();
        var index = new NearbyIndex(await NearbyStationReader.AllServedAsync(db, default));
        var sql = new SqlNearestSearch(db);
        var rng = new Random(7);
        var serviceSets = new[] { Array.Empty<string>(), ["microwave"], ["toilet", "charging"], ["aed"] };
        for (var i = 0; i < 120; i++)
        {
            var request = new NearestRequest(
                Lng: 115.9 + rng.NextDouble() * 1.2, Lat: 39.6 + rng.NextDouble() * 0.9,
                Limit: rng.Next(1, 21), RadiusM: rng.Next(3) == 0 ? rng.Next(500, 8000) : null,
                Services: serviceSets[rng.Next(serviceSets.Length)], Type: rng.Next(4) == 0 ? StationType.Standard : null,
                OpenNowOnly: rng.Next(3) == 0, At: Days[rng.Next(Days.Length)].AddHours(rng.Next(24)),
                AccessibleOnly: rng.Next(3) == 0);

            var truth = await BruteForceAsync(db, request);
            var fromIndex = index.Search(request);
            var fromSql = await sql.SearchAsync(request);

            Assert.Equal(truth.Select(t => t.Code), fromIndex.Select(h => h.Station.Code));
            Assert.Equal(truth.Select(t => t.Code), fromSql.Select(h => h.Station.Code));
            for (var j = 0; j < truth.Count; j++)
                Assert.Equal(truth[j].Metres, fromIndex[j].DistanceM, 0.01); // Vincenty vs PostGIS: same metric
        }
    }

    private static async Task<List<(string Code, double Metres)>> BruteForceAsync(NpgsqlDataSource db, NearestRequest r)
    {
        await using var cmd = db.CreateCommand(
            $"SELECT {NearbyStationReader.Columns}, ST_Distance(location, @p) FROM stations WHERE {NearbyStationReader.ServedCondition}");
        cmd.Parameters.AddWithValue("p", new Point(r.Lng, r.Lat) { SRID = 4326 });
        var all = new List<(NearbyStation Station, double Metres)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        var hours = new HoursCache();
        while (await reader.ReadAsync())
            all.Add((NearbyStationReader.Read(reader, hours), reader.GetDouble(NearbyStationReader.FieldCount)));
        return all.Where(a => r.Accepts(a.Station) && (r.RadiusM is null || a.Metres <= r.RadiusM))
            .OrderBy(a => a.Metres).Take(r.Limit).Select(a => (a.Station.Code, a.Metres)).ToList();
    }
}

/// <summary>150,000 generated stations across China: the index and SQL paths must agree exactly.</summary>
public class NearestPathsAgreeTests : IAsyncLifetime
{
    private string _cs = "";

    public async Task InitializeAsync()
    {
        _cs = await TestDatabase.CreateAsync("paths150k");
        await using var db = StationMapDataSource.Create(_cs);
        await SampleSeeder.LoadAsync(db, SampleStationGenerator.China(150_000, seed: 11));
        await db.CreateCommand(SeededApiFixture.MarkStepFreeSql).ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => TestDatabase.DropAsync(_cs);

    [Fact]
    public async Task Index_and_sql_paths_give_identical_answers_on_150k_stations()
    {
        await using var db = StationMapDataSource.Create(_cs);
        var served = await NearbyStationReader.AllServedAsync(db, default);
        Assert.True(served.Count > 130_000);
        var index = new NearbyIndex(served);
        var sql = new SqlNearestSearch(db);
        var rng = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var near = served[rng.Next(served.Count)];
            var request = new NearestRequest(
                near.Lng + (rng.NextDouble() - 0.5) * 0.2, near.Lat + (rng.NextDouble() - 0.5) * 0.2,
                rng.Next(1, 51), rng.Next(4) == 0 ? rng.Next(200, 50_000) : null,
                rng.Next(2) == 0 ? [] : ["microwave", "water"], null, rng.Next(3) == 0,
                new DateTimeOffset(2026, 11, 25, rng.Next(24), 30, 0, TimeSpan.FromHours(8)), AccessibleOnly: rng.Next(3) == 0);
            var a = index.Search(request);
            var b = await sql.SearchAsync(request);
            Assert.Equal(b.Select(h => (h.Station.Code, Math.Round(h.DistanceM))), a.Select(h => (h.Station.Code, Math.Round(h.DistanceM))));
        }
    }
}
