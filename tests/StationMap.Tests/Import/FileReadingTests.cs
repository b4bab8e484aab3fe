using System.IO.Compression;
using System.Text;
using StationMap.Import;

namespace StationMap.Tests.Import;

public class FileReadingTests
{
    private const string Header = "站点名称,地址,经度,纬度,区划代码\n";
    private const string Row = "中关村驿站,北京市海淀区中关村大街27号,116.3162,39.9834,110108\n";
    private static readonly ImportOptions Options = new();

    private static (ISheetSource? Sheet, List<ImportProblem> Errors) Open(Stream s, string name, string? sheet = null)
    {
        var errors = new List<ImportProblem>();
        return (UploadedFile.Open(s, name, sheet, Options, errors), errors);
    }

    [Theory]
    [InlineData("utf-8", false, "utf-8")]
    [InlineData("utf-8", true, "utf-8 (BOM)")]
    [InlineData("gbk", false, "gb18030")]
    public void Csv_encodings_are_detected_and_reported(string encoding, bool bom, string reported)
    {
        var stream = encoding == "gbk" ? ImportFiles.Gbk(Header + Row) : ImportFiles.Csv(Header + Row, new UTF8Encoding(false), bom);
        var (sheet, errors) = Open(stream, "stations.csv");
        Assert.Empty(errors);
        Assert.StartsWith(reported, sheet!.Encoding);
        Assert.Equal("站点名称", sheet.Headers[0]);
        var row = Assert.Single(sheet.Rows());
        Assert.Equal((2, "中关村驿站"), (row.Number, row.Cells[0]));
    }

    [Fact]
    public void Tab_separated_text_is_read_like_csv()
    {
        var (sheet, _) = Open(ImportFiles.Csv((Header + Row).Replace(',', '\t'), Encoding.UTF8), "stations.txt");
        Assert.Equal(5, sheet!.Headers.Count);
        Assert.Equal("110108", sheet.Rows().Single().Cells[4]);
    }

    [Fact]
    public void Xlsx_rows_keep_excel_numbering_across_empty_rows_and_numbers_become_text()
    {
        var xlsx = ImportFiles.Xlsx(["名称", "区划代码", "备注"],
            ["甲", 110108, "=HYPERLINK(\"http://x\")"], [null, null, null], ["乙", "110108", null]);
        var (sheet, errors) = Open(xlsx, "stations.xlsx");
        Assert.Empty(errors);
        var rows = sheet!.Rows().Where(r => !r.IsEmpty).ToList();
        Assert.Equal([2, 4], rows.Select(r => r.Number));
        Assert.Equal("110108", rows[0].Cells[1]);
        Assert.Equal("=HYPERLINK(\"http://x\")", rows[0].Cells[2]);
    }

    [Fact]
    public void A_named_sheet_is_read_and_a_missing_one_is_reported()
    {
        var (sheet, _) = Open(ImportFiles.Xlsx("站点", ["名称"], ["甲"]), "s.xlsx", "站点");
        Assert.Equal("站点", sheet!.Sheet);
        var (none, errors) = Open(ImportFiles.Xlsx("站点", ["名称"], ["甲"]), "s.xlsx", "其他");
        Assert.Null(none);
        Assert.Equal("no_such_sheet", Assert.Single(errors).Code);
    }

    [Theory]
    [InlineData("old.xls", "unsupported_format")]
    [InlineData("macro.xlsm", "unsupported_format")]
    [InlineData("notes.docx", "unsupported_format")]
    public void Other_formats_are_refused_with_a_clear_message(string name, string code)
    {
        var (sheet, errors) = Open(new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0]), name);
        Assert.Null(sheet);
        Assert.Equal(code, Assert.Single(errors).Code);
        Assert.Contains(" / ", errors[0].Message);
    }

    [Fact]
    public void A_csv_that_is_really_a_zip_is_refused() =>
        Assert.Equal("content_mismatch", Assert.Single(Open(ImportFiles.Xlsx(["名称"], ["甲"]), "s.csv").Errors).Code);

    [Fact]
    public void A_zip_bomb_is_refused_before_parsing()
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++) entry.Write(zeros);
        }
        ms.Position = 0;
        var (sheet, errors) = Open(ms, "bomb.xlsx");
        Assert.Null(sheet);
        Assert.Equal("zip_bomb", Assert.Single(errors).Code);
    }

    [Fact]
    public void An_oversize_file_is_refused()
    {
        var errors = new List<ImportProblem>();
        Assert.Null(UploadedFile.Open(ImportFiles.Csv(Header + Row, Encoding.UTF8), "s.csv", null, new ImportOptions { MaxFileBytes = 10 }, errors));
        Assert.Equal("file_too_large", Assert.Single(errors).Code);
    }
}
