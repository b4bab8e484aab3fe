using Microsoft.Extensions.DependencyInjection;
using StationMap.Auth;
using StationMap.Feeds;
using StationMap.Feeds.Export;
using StationMap.Feeds.Profiles;
using StationMap.IntegrationTests.Infrastructure;
using StationMap.Publication;
using StationMap.Stations;

namespace StationMap.IntegrationTests.Feeds;

/// <summary>The API over its own database, with export files kept in a temporary folder.</summary>
public class FeedsFixture : ApiFixture
{
    public string OutputFolder { get; } = Directory.CreateTempSubdirectory("feeds-it").FullName;
    public static readonly StaffIdentity System = StaffIdentity.System("test");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Feeds:OutputFolder"] = OutputFolder };

    public FeedOptions Options => Factory.Services.GetRequiredService<FeedOptions>();
    public FeedProfileCatalog Catalog => Factory.Services.GetRequiredService<FeedProfileCatalog>();

    public async Task<Station> CreateAsync(string code, string adcode = "110108", Func<StationInput, StationInput>? change = null)
    {
        await using var db = NewDb();
        var input = SampleInputs.Haidian(code) with { Name = $"站点{code}", Adcode = adcode, Lng = 116.30 + code.Length * 0.001 + code.Sum(c => c) % 100 * 0.0001 };
        var result = await new StationWriter(db).CreateAsync(change?.Invoke(input) ?? input, System);
        return result.Station ?? throw new InvalidOperationException(result.Detail ?? string.Join("; ", result.Errors?.Select(e => e.Message) ?? []));
    }

    public async Task<Station> UpdateAsync(string code, Func<StationInput, StationInput> change)
    {
        await using var db = NewDb();
        var current = (await new StationQuery(db).FindAsync(code))!;
        var input = change(SampleInputs.Haidian(code) with { Name = current.Name, Adcode = current.Adcode, Lng = current.Lng, Lat = current.Lat,
            Phone = current.Phone, Status = current.Status.ToString().ToLowerInvariant(), IsPublic = current.IsPublic, Notes = current.Notes, Version = current.Version });
        var result = await new StationWriter(db).UpdateAsync(code, input, System);
        return result.Station ?? throw new InvalidOperationException(result.Detail ?? string.Join("; ", result.Errors?.Select(e => e.Message) ?? []));
    }

    public async Task DeleteAsync(string code)
    {
        await using var db = NewDb();
        var version = await new StationQuery(db).FindAsync(code) is { } s ? s.Version : 0;
        await new StationWriter(db).DeleteAsync(code, version, "test", System);
    }

    public async Task<ExportResult> ExportAsync(string profile, string adcode, ExportKind kind, StaffIdentity? who = null)
    {
        await using var db = NewDb();
        return await new FeedExporter(db, Catalog, Options).ExportAsync(new ExportRequest(profile, adcode, kind), who ?? System);
    }

    /// <summary>As the CLI exports: plain connections from the data source, no DbContext.</summary>
    public Task<ExportResult> ExportOnDataSourceAsync(string profile, string adcode, ExportKind kind) =>
        FeedExporter.OnDataSource(DataSource, Catalog, Options).ExportAsync(new ExportRequest(profile, adcode, kind), System);

    public string FileText(ExportBatch batch, string name) => File.ReadAllText(Path.Combine(ExportBatches.FolderOf(Options, batch.Id), name));

    public async Task<PublicationRecord?> RecordAsync(string code, string provider)
    {
        await using var db = NewDb();
        return db.Set<PublicationRecord>().FirstOrDefault(r => r.StationCode == code && r.Provider == provider);
    }
}
