using System.IO.Compression;
using System.Text;

namespace StationMap.IntegrationTests.Import;

/// <summary>The hostile spreadsheets of issue 17, built by the tests (nothing is checked in).</summary>
internal static class HostileFiles
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A minimal workbook: one sheet whose &lt;sheetData&gt; is written by <paramref name="rows"/>, optional shared strings.</summary>
    public static byte[] Xlsx(Action<TextWriter> rows, Action<TextWriter>? sharedStrings = null, string? doctype = null)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, Action<TextWriter> write)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                write(w);
            }
            const string Ml = "application/vnd.openxmlformats-officedocument.spreadsheetml";
            Part("[Content_Types].xml", w => w.Write($"""
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="{Ml}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{Ml}.worksheet+xml"/>
                {(sharedStrings is null ? "" : $"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{Ml}.sharedStrings+xml\"/>")}</Types>
                """));
            Part("_rels/.rels", w => w.Write($"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Part("xl/workbook.xml", w => w.Write($"""<workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Part("xl/_rels/workbook.xml.rels", w => w.Write($"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rel}/worksheet" Target="worksheets/sheet1.xml"/>{(sharedStrings is null ? "" : $"<Relationship Id=\"rId2\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>")}</Relationships>"""));
            Part("xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet xmlns="{Main}"><sheetData>""");
                rows(w);
                w.Write("</sheetData></worksheet>");
            });
            if (sharedStrings is not null)
                Part("xl/sharedStrings.xml", w =>
                {
                    w.Write($"""<sst xmlns="{Main}">""");
                    sharedStrings(w);
                    w.Write("</sst>");
                });
        }
        return ms.ToArray();
    }

    /// <summary>One shared string of a megabyte (350,000 characters of two kinds, mixed, so it zips at an ordinary ratio), referenced
    /// by the name cell of 300 rows.</summary>
    public static byte[] OneHugeSharedString() => Xlsx(w =>
    {
        var headers = ImportUploads.Header.Split(',');
        w.Write("<row r=\"1\">");
        for (var i = 0; i < headers.Length; i++) w.Write($"""<c r="{(char)('A' + i)}1" t="inlineStr"><is><t>{headers[i]}</t></is></c>""");
        w.Write("</row>");
        for (var r = 2; r <= 301; r++) w.Write($"""<row r="{r}"><c r="B{r}" t="s"><v>0</v></c><c r="C{r}" t="inlineStr"><is><t>x</t></is></c></row>""");
    }, w => w.Write($"<si><t>{Mixed(350_000)}</t></si>"));

    private static string Mixed(int length)
    {
        var chars = new char[length];
        var x = 12345u;
        for (var i = 0; i < length; i++)
        {
            x = x * 1664525 + 1013904223;
            chars[i] = (x >> 16 & 1) == 0 ? '驿' : '站';
        }
        return new string(chars);
    }

    /// <summary>Shared strings of <paramref name="megabytes"/> MB (many short strings): small zipped, large expanded.</summary>
    public static byte[] ExpandingSharedStrings(int megabytes) => Xlsx(
        w => w.Write("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""),
        w =>
        {
            var item = "<si><t>" + new string('站', 300) + "</t></si>";
            for (long written = 0; written < megabytes * 1048576L; written += item.Length * 3) w.Write(item);
        });

    /// <summary>A result file of <paramref name="rows"/> one-cell rows: about a megabyte zipped.</summary>
    public static byte[] ManyRows(int rows) => Xlsx(w =>
    {
        w.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>站点编码</t></is></c><c r="B1" t="inlineStr"><is><t>状态</t></is></c></row>""");
        for (var r = 2; r <= rows + 1; r++) w.Write($"""<row r="{r}"><c r="A{r}"><v>1</v></c></row>""");
    });

    /// <summary>An external entity in the sheet XML (XXE).</summary>
    public static byte[] ExternalEntity() => Xlsx(
        w => w.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>站点编码</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row>"""),
        doctype: """<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""");

    /// <summary>The import's header and a row of <paramref name="cells"/> empty cells without references (<c/>): a few bytes each, a
    /// slot each once read.</summary>
    public static byte[] WideRow(int cells) => Xlsx(w =>
    {
        var headers = ImportUploads.Header.Split(',');
        w.Write("<row r=\"1\">");
        for (var i = 0; i < headers.Length; i++) w.Write($"""<c r="{(char)('A' + i)}1" t="inlineStr"><is><t>{headers[i]}</t></is></c>""");
        w.Write("</row><row r=\"2\">");
        for (var i = 0; i < cells; i++) w.Write("<c/>");
        w.Write("</row>");
    });
}
