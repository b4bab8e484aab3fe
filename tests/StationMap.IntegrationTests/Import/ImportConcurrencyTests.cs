using Microsoft.EntityFrameworkCore;
using StationMap.Auth;
using StationMap.Data;
using StationMap.Import;
using StationMap.IntegrationTests.Infrastructure;
using static StationMap.IntegrationTests.Import.ImportUploads;

namespace StationMap.IntegrationTests.Import;

public class ImportConcurrencyTests : IAsyncLifetime
{
    private string _cs = "";

    public async Task InitializeAsync() => _cs = await TestDatabase.CreateAsync(nameof(ImportConcurrencyTests));

    public Task DisposeAsync() => TestDatabase.DropAsync(_cs);

    private async Task<ImportReport> ImportAsync(byte[] file, bool dryRun = false, string name = "f.csv", ImportOptions? options = null)
    {
        await using var ds = StationMapDataSource.Create(_cs);
        await using var db = StationMapDataSource.CreateDb(ds);
        return await new StationImporter(ds, db, options ?? new ImportOptions()).RunAsync(
            new ImportRequest(name, new MemoryStream(file), StaffIdentity.System("test"), "wgs84", dryRun));
    }

    private static byte[] File(string suffix, int from, int to) =>
        Csv(Enumerable.Range(from, to - from + 1).Select(i => Row($"CC-{i:D3}", $"驿站{i}{suffix}", i)).ToArray());

    [Fact]
    public async Task Overlapping_imports_at_once_lose_no_update_and_do_not_deadlock()
    {
        Assert.Equal(60, (await ImportAsync(File("", 1, 60))).Counts.Inserted);

        var b = ImportAsync(File("乙", 1, 40));
        var c = ImportAsync(File("丙", 20, 60));
        var reports = await Task.WhenAll(b, c).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(reports, r => Assert.True(r.Committed));
        Assert.Equal((40, 41), (reports[0].Counts.Updated, reports[1].Counts.Updated));

        await using var ds = StationMapDataSource.Create(_cs);
        await using var db = StationMapDataSource.CreateDb(ds);
        var stations = await db.Stations.Where(s => s.Code.StartsWith("CC-")).ToListAsync();
        var history = await db.StationHistory.GroupBy(h => h.Code).Select(g => new { g.Key, Count = g.Count(), Max = g.Max(h => h.Version) }).ToDictionaryAsync(g => g.Key);
        // Every version has its history row: nothing was overwritten unseen.
        Assert.All(stations, s => Assert.Equal((s.Version, s.Version), (history[s.Code].Count, history[s.Code].Max)));
        var overlap = stations.Where(s => string.CompareOrdinal(s.Code, "CC-020") >= 0 && string.CompareOrdinal(s.Code, "CC-040") <= 0).ToList();
        Assert.All(overlap, s => Assert.Equal(3, s.Version));
        // The merges ran one after the other, so the overlap carries one file's names, not a mix.
        Assert.Single(overlap.Select(s => s.Name[^1]).Distinct());
    }

    [Fact]
    public async Task A_dry_run_reports_what_a_commit_would_do()
    {
        await ImportAsync(File("", 100, 104));
        var dry = await ImportAsync(Csv(Row("CC-100", "驿站100", 100), Row("CC-101", "驿站101改", 101), Row("CC-200", "新站", 200)), dryRun: true);
        Assert.Equal(new ImportCounts(3, 1, 1, 1, 0), dry.Counts);
    }

    [Fact]
    public async Task A_damaged_workbook_is_reported_not_thrown()
    {
        var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string path, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(path).Open());
                w.Write(xml);
            }
            Entry("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Entry("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"S\" sheetId=\"1\"/></sheets></workbook>");
            Entry("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称");
        }
        var report = await ImportAsync(ms.ToArray(), name: "broken.xlsx");
        Assert.True(report.Refused);
        Assert.False(report.Committed);
    }

    [Fact]
    public async Task More_rows_than_the_limit_refuses_the_file_and_writes_nothing()
    {
        var report = await ImportAsync(File("", 300, 303), options: new ImportOptions { MaxRows = 3 });
        Assert.True(report.Refused);
        Assert.Contains(report.Errors, e => e.Code == "too_many_rows");
        await using var ds = StationMapDataSource.Create(_cs);
        await using var db = StationMapDataSource.CreateDb(ds);
        Assert.False(await db.Stations.AnyAsync(s => s.Code.StartsWith("CC-3")));
    }
}
