using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using StationMap.Common;
using StationMap.Import;

namespace StationMap.Tests.Common;

/// <summary>The one xlsx writer: what it writes reads back the same through the import's reader, and passes the
/// OpenXml SDK's schema validation (what Excel, WPS and the providers' importers expect).</summary>
public class XlsxWorkbookWriterTests
{
    private static byte[] Book(Action<XlsxWorkbookWriter> write)
    {
        var ms = new MemoryStream();
        using (var book = new XlsxWorkbookWriter(ms)) write(book);
        return ms.ToArray();
    }

    private static List<string> SchemaErrors(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_written_as_a_text_cell_never_as_a_formula()
    {
        // Feeds and the error workbook put no apostrophe before = + - @ on the strength of this: only a formula cell runs.
        string[] texts = ["=HYPERLINK(\"http://x\")", "+8613812345678", "-1层", "@SUM(A1)"];
        var xlsx = Book(b => b.AddSheet("s", ["a", "b", "c", "d"], [texts]));
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>());
        var cells = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Skip(texts.Length).ToList();
        Assert.All(cells, c => Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, c.DataType!.Value));
        Assert.Equal(texts, cells.Select(c => c.InnerText));
    }

    [Fact]
    public void Cells_read_back_as_the_text_the_importer_would_see()
    {
        var xlsx = Book(b => b.AddSheet("站点", ["编码", "名称", "经度", "数量", "开放", "备注"],
        [
            ["0101", " 前后有空格 ", 116.397128, 3, true, null],
            ["=1+1", "", 1e20, -0.5, false, "最后"],
        ]));
        var errors = new List<ImportProblem>();
        using var sheet = XlsxSheet.Open(new MemoryStream(xlsx), "站点", errors)!;
        Assert.Empty(errors);
        Assert.Equal(["编码", "名称", "经度", "数量", "开放", "备注"], sheet.Headers);
        var rows = sheet.Rows().Select(r => r.Cells).ToList();
        Assert.Equal(new string?[] { "0101", " 前后有空格 ", "116.397128", "3", "TRUE", null }, rows[0].AsEnumerable());
        Assert.Equal(new string?[] { "=1+1", null, "1E+20", "-0.5", "FALSE", "最后" }, rows[1].AsEnumerable());
    }

    [Fact]
    public void Sheets_keep_their_order_and_names_and_the_workbook_passes_schema_validation()
    {
        var xlsx = Book(b =>
        {
            b.AddSheet("海淀区 110108", ["站点编码"], [["HD001"]], filter: true);
            b.AddSheet("汇总", ["区县", "站点数"], [["海淀区", 1], ["合计", 1]]);
            b.AddSheet("空", ["a"], []);
        });
        Assert.Empty(SchemaErrors(xlsx));
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Equal(["海淀区 110108", "汇总", "空"],
            document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void The_same_rows_give_the_same_parts()
    {
        static byte[] Once() => Book(b => b.AddSheet("s", ["a", "b"], [["x", 1.5]]));
        using var first = new System.IO.Compression.ZipArchive(new MemoryStream(Once()));
        using var second = new System.IO.Compression.ZipArchive(new MemoryStream(Once()));
        Assert.Equal(first.Entries.Select(e => e.FullName), second.Entries.Select(e => e.FullName));
        foreach (var entry in first.Entries)
            Assert.Equal(new StreamReader(entry.Open()).ReadToEnd(), new StreamReader(second.GetEntry(entry.FullName)!.Open()).ReadToEnd());
    }

    [Fact]
    public void The_import_template_the_error_workbook_and_a_feed_workbook_pass_schema_validation()
    {
        var (files, _, folder) = Feeds.FeedGoldenTests.Export("poi-sheet-amap");
        Assert.Empty(SchemaErrors(File.ReadAllBytes(Path.Combine(folder, Assert.Single(files).Name))));

        var template = new MemoryStream();
        ImportTemplate.Write(template);
        Assert.Empty(SchemaErrors(template.ToArray()));

        var errors = new MemoryStream();
        ErrorWorkbook.Write(errors, new RejectedRows(["名称", "名称"], [new RejectedRow(3, ["=HYPERLINK(\"x\")", "乙"], "[名称] 太长")]));
        Assert.Empty(SchemaErrors(errors.ToArray()));
    }

    private static string SheetXml(byte[] xlsx, int sheet = 1)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        return new StreamReader(zip.GetEntry($"xl/worksheets/sheet{sheet}.xml")!.Open()).ReadToEnd();
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_written_as_the_ooxml_escape()
    {
        // The error workbook writes back exactly the rows refused for control characters.
        var output = new MemoryStream();
        ErrorWorkbook.Write(output, new RejectedRows(["名称", "备注"], [new RejectedRow(2, ["站\u000B点", "孤\uD800立"], "[名称] 含控制字符")]));
        var xlsx = output.ToArray();
        Assert.Empty(SchemaErrors(xlsx));
        var xml = SheetXml(xlsx);
        Assert.Contains("站_x000B_点", xml);
        Assert.Contains("孤_xD800_立", xml);
    }

    [Fact]
    public void Escaped_text_reads_back_as_written()
    {
        string[] texts = ["行一\r\n行二", "站\u000B点", "孤\uD800立", "字面 _x000D_ 与 _x005F_", "𠀀 成对的代理项"];
        var xlsx = Book(b => b.AddSheet("站点", ["文本"], texts.Select(t => new object?[] { t })));
        Assert.Empty(SchemaErrors(xlsx));
        var errors = new List<ImportProblem>();
        using var sheet = XlsxSheet.Open(new MemoryStream(xlsx), "站点", errors)!;
        Assert.Equal(texts, sheet.Rows().Select(r => r.Cells[0]));
    }

    [Fact]
    public void Sheet_names_are_made_names_excel_opens()
    {
        var longName = new string('长', 40);
        string[] wanted = ["a:b/c?d*e[f]g\\h", "'引号'", longName, "Sheet", "sheet", "", longName, "控\u0001制", "History"];
        var stored = new List<string>();
        var xlsx = Book(b => stored.AddRange(wanted.Select(n => b.AddSheet(n, ["a"], []))));
        Assert.Empty(SchemaErrors(xlsx));
        string[] expected = ["a_b_c_d_e_f_g_h", "引号", new string('长', 31), "Sheet", "sheet (2)", "Sheet6", new string('长', 27) + " (2)", "控_制", "History (2)"];
        Assert.Equal(expected, stored);
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Equal(expected, document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }

    private static IEnumerable<object?[]> RowsThatFail(Action? before = null)
    {
        yield return ["甲"];
        before?.Invoke();
        throw new InvalidOperationException("boom");
    }

    /// <summary>An output that breaks (a closed connection, a full disk) once told to.</summary>
    private sealed class BreakingStream : MemoryStream
    {
        public bool Broken { get; set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Broken) throw new IOException("output gone");
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Broken) throw new IOException("output gone");
            base.Write(buffer);
        }
    }

    [Fact]
    public void A_sheet_that_fails_leaves_no_finished_workbook_and_its_exception_is_the_one_seen()
    {
        var output = new MemoryStream();
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            using var book = new XlsxWorkbookWriter(output);
            book.AddSheet("站点", ["名称"], RowsThatFail());
        });
        Assert.Equal("boom", e.Message);
        Assert.False(IsWorkbook(output.ToArray()));

        var breaking = new BreakingStream();
        var masked = Assert.Throws<InvalidOperationException>(() =>
        {
            using var book = new XlsxWorkbookWriter(breaking);
            book.AddSheet("站点", ["名称"], RowsThatFail(() => breaking.Broken = true));
        });
        Assert.Equal("boom", masked.Message);
    }

    private static bool IsWorkbook(byte[] bytes)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            return document.WorkbookPart?.Workbook is not null;
        }
        catch (Exception)
        {
            return false;
        }
    }

    [Fact]
    public void A_feed_workbook_whose_rows_fail_leaves_nothing_in_the_export_folder()
    {
        var profile = StationMap.Feeds.Profiles.FeedProfileCatalog.Load(null).Find("poi-sheet-amap")!;
        var selection = new StationMap.Feeds.Export.FeedSelection(new StationMap.Feeds.Rows.FeedRowBuilder(profile, Feeds.FeedStations.Lookups), incremental: false,
            new Dictionary<long, StationMap.Feeds.Export.SubmittedState>());
        var stations = Feeds.FeedStations.All().OrderBy(s => s.Adcode, StringComparer.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        var folder = Directory.CreateTempSubdirectory("feeds-failing").FullName;
        var target = new StationMap.Feeds.Writers.FeedTarget(folder, "failing", false, stations.Select(s => s.Adcode).Distinct().ToList());
        IEnumerable<StationMap.Feeds.Writers.FeedItem> Failing()
        {
            foreach (var item in selection.Items(stations).Take(2)) yield return item;
            throw new InvalidOperationException("cursor gone");
        }
        Assert.Equal("cursor gone", Assert.Throws<InvalidOperationException>(() => StationMap.Feeds.Writers.FeedWriters.Write(profile, Feeds.FeedStations.Lookups, Failing(), target)).Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }
}
