using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StationMap.Feeds;
using StationMap.Feeds.Export;
using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;
using StationMap.Feeds.Writers;

namespace StationMap.Tests.Feeds;

/// <summary>
/// Each built-in profile on the fixed station set against committed files in Feeds/golden (headers, order,
/// encoding, BOM, decimals, converted coordinates, exclusions). Set UPDATE_GOLDEN=1 to rewrite them after a
/// deliberate change — and read the diff.
/// </summary>
public sealed class FeedGoldenTests
{
    private static readonly FeedProfileCatalog Catalog = FeedProfileCatalog.Load(null);
    private static string GoldenDir => Path.Combine(RepoPaths.Root, "tests", "StationMap.Tests", "Feeds", "golden");

    [Theory]
    [InlineData("amap-yuntu")]
    [InlineData("baidu-geotable")]
    [InlineData("geojson")]
    [InlineData("poi-sheet-amap")]
    [InlineData("poi-sheet-baidu")]
    public void Built_in_profile_writes_the_golden_file(string id)
    {
        var (files, report, folder) = Export(id);
        var file = Assert.Single(files);
        var actual = Catalog.Find(id)!.IsXlsx ? SheetDump(Path.Combine(folder, file.Name)) : File.ReadAllBytes(Path.Combine(folder, file.Name));
        var reportText = string.Join("\n", report.Select(r => $"{r.Code}\t{r.Excluded}\t{r.Reason}")) + "\n";
        var golden = Path.Combine(GoldenDir, Catalog.Find(id)!.IsXlsx ? $"{id}.sheets.txt" : file.Name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(golden, actual);
            File.WriteAllText(Path.Combine(GoldenDir, $"{id}.report.txt"), reportText);
        }
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(golden)), Encoding.UTF8.GetString(actual));
        Assert.Equal(File.ReadAllBytes(golden), actual);
        Assert.Equal(File.ReadAllText(Path.Combine(GoldenDir, $"{id}.report.txt")), reportText);
    }

    [Theory]
    [InlineData("amap-yuntu")]
    [InlineData("poi-sheet-baidu")]
    public void Exporting_the_same_stations_twice_gives_identical_bytes(string id)
    {
        var first = Assert.Single(Export(id).Files);
        var second = Assert.Single(Export(id).Files);
        Assert.Equal(first.Sha256, second.Sha256);
    }

    internal static (IReadOnlyList<WrittenFile> Files, List<ExportReportLine> Report, string Folder) Export(string id, FeedProfile? profile = null)
    {
        profile ??= Catalog.Find(id)!;
        var selection = new FeedSelection(new FeedRowBuilder(profile, FeedStations.Lookups), incremental: false, new Dictionary<long, SubmittedState>());
        var stations = FeedStations.All().OrderBy(s => s.Adcode, StringComparer.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        var folder = Directory.CreateTempSubdirectory("feeds-golden").FullName;
        var target = new FeedTarget(folder, $"{id}-110000-full", false, stations.Select(s => s.Adcode).Distinct().ToList());
        var files = FeedWriters.Write(profile, FeedStations.Lookups, selection.Items(stations), target);
        return (files, selection.Report, folder);
    }

    /// <summary>xlsx bytes depend on the writer; the golden copy is the cells, sheet by sheet, typed (n: a number),
    /// each row as wide as the sheet's widest. Read as a document tree with the OpenXml SDK, independent of the product's reader.</summary>
    internal static byte[] SheetDump(string path)
    {
        var text = new StringBuilder();
        using var document = SpreadsheetDocument.Open(path, false);
        var book = document.WorkbookPart!;
        foreach (var sheet in book.Workbook.Sheets!.Elements<Sheet>())
        {
            text.Append("## ").Append(sheet.Name).Append('\n');
            var rows = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().ToDictionary(c => Column(c.CellReference!), Value)).ToList();
            var width = rows.Max(r => r.Count == 0 ? 0 : r.Keys.Max() + 1);
            foreach (var row in rows)
                text.Append(string.Join(" | ", Enumerable.Range(0, width).Select(i => row.GetValueOrDefault(i, "")))).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Value(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
        : c.DataType?.Value == CellValues.Boolean ? (c.CellValue!.Text == "1").ToString()
        : c.CellValue is { } v ? "n:" + double.Parse(v.Text, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : "";

    private static int Column(string reference) => reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1) - 1;
}
