using System.IO.Compression;
using System.Text;
using StationMap.Import;

namespace StationMap.Tests.Import;

/// <summary>The guarded xlsx reader (the OpenXml SDK's streaming reader behind the limits) on hand-written parts: what Excel and other writers actually store.</summary>
public class XlsxReaderTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static MemoryStream Workbook(string sheetData, string? sharedStrings = null, string? styles = null, string sheetName = "Sheet1",
        string sharedStringsPart = "sharedStrings.xml")
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }
            Part("[Content_Types].xml", ContentTypes(sharedStrings is not null, styles is not null, sharedStringsPart: sharedStringsPart));
            Part("_rels/.rels", $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="{Rel}"><sheets><sheet name="Notes" sheetId="2" r:id="rId9"/><sheet name="{sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", $"""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId9" Type="{Rel}/worksheet" Target="worksheets/sheet2.xml"/>
                <Relationship Id="rId1" Type="{Rel}/worksheet" Target="worksheets/sheet1.xml"/>
                {(sharedStrings is null ? "" : $"<Relationship Id=\"rId2\" Type=\"{Rel}/sharedStrings\" Target=\"{sharedStringsPart}\"/>")}
                {(styles is null ? "" : $"<Relationship Id=\"rId3\" Type=\"{Rel}/styles\" Target=\"styles.xml\"/>")}</Relationships>
                """);
            Part("xl/worksheets/sheet2.xml", $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>""");
            Part("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}"><sheetData>{sheetData}</sheetData></worksheet>""");
            if (sharedStrings is not null) Part("xl/" + sharedStringsPart, $"""<sst xmlns="{Main}">{sharedStrings}</sst>""");
            if (styles is not null) Part("xl/styles.xml", $"""<styleSheet xmlns="{Main}">{styles}</styleSheet>""");
        }
        ms.Position = 0;
        return ms;
    }

    /// <summary>What every writer declares: the type of each part (the SDK reads a part only by its declared type).</summary>
    internal static string ContentTypes(bool sharedStrings, bool styles, int sheets = 2, string sharedStringsPart = "sharedStrings.xml")
    {
        const string Ml = "application/vnd.openxmlformats-officedocument.spreadsheetml";
        var parts = new List<(string, string)> { ("/xl/workbook.xml", Ml + ".sheet.main+xml") };
        for (var i = 1; i <= sheets; i++) parts.Add(($"/xl/worksheets/sheet{i}.xml", Ml + ".worksheet+xml"));
        if (sharedStrings) parts.Add(("/xl/" + sharedStringsPart, Ml + ".sharedStrings+xml"));
        if (styles) parts.Add(("/xl/styles.xml", Ml + ".styles+xml"));
        return """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"""
            + string.Concat(parts.Select(p => $"""<Override PartName="{p.Item1}" ContentType="{p.Item2}"/>""")) + "</Types>";
    }

    private static ISheetSource Open(Stream s, string? sheet = "Sheet1")
    {
        var errors = new List<ImportProblem>();
        var opened = UploadedFile.Open(s, "s.xlsx", sheet, new ImportOptions(), errors);
        Assert.Empty(errors);
        return Assert.IsType<GuardedSheet>(opened);
    }

    [Fact]
    public void Shared_strings_join_rich_text_runs_and_leave_out_phonetic_guides()
    {
        using var sheet = Open(Workbook(
            """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>""",
            """<si><t>名称</t></si><si><r><rPr><b/></rPr><t>地</t></r><r><t xml:space="preserve">址 </t></r></si><si><t>中关村</t><rPh sb="0" eb="3"><t>ちゅうかんそん</t></rPh></si><si><t/></si>"""), "Sheet1");
        Assert.Equal(["名称", "地址 "], sheet.Headers);
        var row = Assert.Single(sheet.Rows());
        Assert.Equal("中关村", row.Cells[0]);
        Assert.Null(row.Cells[1]);
    }

    [Fact]
    public void Cells_are_placed_by_their_reference_and_rows_keep_excel_numbers()
    {
        using var sheet = Open(Workbook(
            """<row r="3"><c r="A3" t="inlineStr"><is><t>名称</t></is></c><c r="C3" t="inlineStr"><is><t>备注</t></is></c></row><row r="4"/><row r="7"><c r="C7" t="str"><v>只有备注</v></c></row>"""));
        Assert.Equal(["名称", null, "备注"], sheet.Headers);
        var rows = sheet.Rows().ToList();
        Assert.Equal([4, 5, 6, 7], rows.Select(r => r.Number));
        Assert.True(rows[0].IsEmpty && rows[1].IsEmpty && rows[2].IsEmpty);
        Assert.Equal(new string?[] { null, null, "只有备注" }, rows[3].Cells.AsEnumerable());
    }

    [Fact]
    public void A_header_far_down_the_sheet_is_found_without_counting_the_rows_above_it()
    {
        using var sheet = Open(Workbook(
            """<row r="900000"><c r="A900000" t="inlineStr"><is><t>名称</t></is></c></row><row r="900002"><c r="A900002" t="inlineStr"><is><t>甲</t></is></c></row>"""));
        Assert.Equal(["名称"], sheet.Headers);
        Assert.Equal([900001, 900002], sheet.Rows().Select(r => r.Number));
    }

    [Fact]
    public void A_damaged_row_under_a_title_is_reported_as_damage_not_as_missing_columns()
    {
        // Title, then a row whose number is not a number (damaged XML), then the real header: the header search stops at
        // the damage, takes the title for the header, and the uploader is told columns are missing.
        var book = Workbook(
            """<row r="1"><c r="A1" t="inlineStr"><is><t>海淀区工会驿站统计表</t></is></c></row>"""
            + """<row r="x"><c r="A2" t="inlineStr"><is><t>站点名称</t></is></c></row>""");
        var errors = new List<ImportProblem>();
        using var sheet = UploadedFile.Open(book, "s.xlsx", null, new ImportOptions(), errors, HeaderRule.Import);
        var columns = sheet is null ? [] : ColumnMap.Read(sheet.Headers, [], sheet.HeaderRow, sheet.RowsAbove).MissingColumns(true);
        Assert.Contains(errors, e => e.Code is "corrupt_file" or "unreadable");
        Assert.DoesNotContain(errors.Concat(columns), e => e.Code is "no_header" or "missing_column");
    }

    [Fact]
    public void A_row_numbered_far_past_excels_last_is_refused_for_the_empty_rows_it_implies()
    {
        // Empty rows no longer count against MaxRows, so the gap before row 5,000,000 is stopped by MaxLines instead.
        using var sheet = Open(Workbook(
            """<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row><row r="5000000"><c r="A5000000" t="inlineStr"><is><t>甲</t></is></c></row>"""));
        var refused = Assert.Throws<SheetLimitException>(() => sheet.Rows().Count());
        Assert.Equal("too_many_rows", refused.Problem.Code);
        Assert.True(refused.TooLarge);
    }

    [Fact]
    public void Numbers_booleans_and_errors_become_the_text_excel_shows_and_formulas_are_never_evaluated()
    {
        using var sheet = Open(Workbook(
            """<row r="1"><c r="A1" t="str"><v>a</v></c></row><row r="2"><c r="A2"><v>110108</v></c><c r="B2"><v>116.39712800000001</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2"><f>1+1</f><v>2</v></c><c r="F2" t="str"><f>HYPERLINK("http://x")</f><v>http://x</v></c><c r="G2" t="inlineStr"><is><t>=HYPERLINK("http://x")</t></is></c><c r="H2"><v>1.10108E+5</v></c></row>"""));
        var cells = Assert.Single(sheet.Rows()).Cells;
        Assert.Equal(new string?[] { "110108", "116.397128", "TRUE", "#N/A", "2", "http://x", "=HYPERLINK(\"http://x\")", "110108" }, cells.AsEnumerable());
    }

    [Fact]
    public void Date_and_time_styles_become_iso_text()
    {
        const string styles = """<numFmts count="2"><numFmt numFmtId="164" formatCode="hh:mm"/><numFmt numFmtId="165" formatCode="&quot;day&quot; 0.0"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>""";
        using var sheet = Open(Workbook(
            """<row r="1"><c r="A1" t="str"><v>a</v></c></row><row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" s="2"><v>0.375</v></c><c r="C2" s="3"><v>2.5</v></c><c r="D2" s="0"><v>45000</v></c></row>""",
            styles: styles));
        Assert.Equal(new string?[] { "2023-03-15", "09:00", "2.5", "45000" }, Assert.Single(sheet.Rows()).Cells.AsEnumerable());
    }

    [Fact]
    public void Built_in_time_and_east_asian_date_formats_are_dates_too()
    {
        const string styles = """<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="20"/><xf numFmtId="31"/></cellXfs>""";
        using var sheet = Open(Workbook(
            """<row r="1"><c r="A1" t="str"><v>a</v></c></row><row r="2"><c r="A2" s="1"><v>0.375</v></c><c r="B2" s="2"><v>45000</v></c><c r="C2" s="2"><v>45000.5</v></c></row>""",
            styles: styles));
        Assert.Equal(new string?[] { "09:00", "2023-03-15", "2023-03-15 12:00" }, Assert.Single(sheet.Rows()).Cells.AsEnumerable());
    }

    [Theory]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("[$-804]yyyy/m/d;@", true)]
    [InlineData("[h]:mm:ss", true)]
    [InlineData("h:mm AM/PM", true)]
    [InlineData("\"day\" 0.0", false)]
    [InlineData("0.00_ ;[Red]\\-0.00\\ ", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("General", false)]
    [InlineData("#,##0\"元\"", false)]
    [InlineData("@", false)]
    public void A_custom_number_format_is_a_date_when_it_shows_date_or_time_parts(string code, bool isDate) =>
        Assert.Equal(isDate, XlsxDateStyles.IsDateCode(code));

    [Fact]
    public void Sheets_are_listed_in_workbook_order_and_a_named_one_is_read()
    {
        using (var first = Open(Workbook("""<row r="1"><c r="A1" t="str"><v>x</v></c></row>""", sheetName: "站点"), null))
            Assert.Equal(("Notes", "说明"), (first.Sheet, first.Headers[0]));
        using var named = Open(Workbook("""<row r="1"><c r="A1" t="str"><v>名称</v></c></row>""", sheetName: "站点"), "站点");
        Assert.Equal(("站点", "名称"), (named.Sheet, named.Headers[0]));
    }

    [Fact]
    public void Broken_sheet_xml_never_yields_the_broken_row()
    {
        var errors = new List<ImportProblem>();
        var opened = UploadedFile.Open(Workbook("""<row r="1"><c r="A1" t="str"><v>名称</v></c></row><row r="2"><c r="A2" t="str"><v>甲</c></row>"""),
            "s.xlsx", null, new ImportOptions(), errors);
        // Refused when opened, or the broken row never comes out as data.
        if (opened is not null) Assert.DoesNotContain(opened.Rows(), r => r.Cells.Contains("甲"));
        else Assert.Equal("corrupt_file", Assert.Single(errors).Code);
    }

    [Fact]
    public void The_ooxml_escape_is_decoded_in_shared_inline_and_formula_text()
    {
        using var sheet = Open(Workbook(
            """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="str"><v>c</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><r><t>x_x000D_</t></r><r><t>_x000A_y</t></r></is></c><c r="C2" t="str"><f>"a"</f><v>_x0009_a_x005F_x0041_</v></c></row>""",
            """<si><t>a</t></si><si><t>b</t></si><si><t>甲_x000D_乙 _x005F_x000D_ _x00zz_</t></si>"""));
        var cells = Assert.Single(sheet.Rows()).Cells;
        Assert.Equal(new string?[] { "甲\r乙 _x000D_ _x00zz_", "x\r\ny", "\ta_x0041_" }, cells.AsEnumerable());
    }

    [Fact]
    public void A_row_wider_than_excel_allows_is_refused_for_its_size()
    {
        var cells = string.Concat(Enumerable.Repeat("<c/>", 20_000));
        using var sheet = Open(Workbook($"""<row r="1"><c r="A1" t="str"><v>名称</v></c></row><row r="2">{cells}</row>"""));
        var e = Assert.Throws<SheetLimitException>(() => sheet.Rows().ToList());
        Assert.Equal("too_many_columns", e.Problem.Code);
        Assert.True(e.TooLarge);
        Assert.Contains("16384", e.Problem.Message);

        var repeated = string.Concat(Enumerable.Repeat("""<c r="B2" t="str"><v>x</v></c>""", 20_000));
        using var same = Open(Workbook($"""<row r="1"><c r="A1" t="str"><v>名称</v></c></row><row r="2">{repeated}</row>"""));
        Assert.Equal("too_many_columns", Assert.Throws<SheetLimitException>(() => same.Rows().ToList()).Problem.Code);

        var errors = new List<ImportProblem>();
        var past = Assert.Throws<SheetLimitException>(() => UploadedFile.Open(
            Workbook("""<row r="1"><c r="A1" t="str"><v>名称</v></c><c r="XFE1" t="str"><v>太远</v></c></row>"""), "s.xlsx", "Sheet1", new ImportOptions(), errors));
        Assert.Equal("too_many_columns", past.Problem.Code);
    }

    [Fact]
    public void Shared_strings_past_the_limit_are_refused_whatever_the_part_is_called()
    {
        var options = new ImportOptions { MaxSharedStringsBytes = 4_000 };
        var strings = string.Concat(Enumerable.Repeat("<si><t>" + new string('站', 100) + "</t></si>", 50));
        foreach (var name in new[] { "s.xml", "sharedStrings.xml" })
        {
            var errors = new List<ImportProblem>();
            try
            {
                using var opened = UploadedFile.Open(Workbook("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>""", strings, sharedStringsPart: name),
                    "s.xlsx", "Sheet1", options, errors);
                Assert.Null(opened);
            }
            catch (SheetLimitException e)
            {
                errors.Add(e.Problem);
            }
            Assert.Equal("shared_strings_too_large", Assert.Single(errors).Code);
        }
        // Under the limit, the renamed part reads as usual.
        using var sheet = Open(Workbook("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>""", "<si><t>名称</t></si>", sharedStringsPart: "s.xml"));
        Assert.Equal(["名称"], sheet.Headers);
    }

    [Theory]
    [InlineData("""<row r="2"><c r="A2" t="s"><v>x</v></c></row>""")]
    [InlineData("""<row r="2"><c r="A2" t="s"><v>7</v></c></row>""")]
    [InlineData("""<row r="abc"><c r="A2" t="str"><v>甲</v></c></row>""")]
    [InlineData("""<row r="99999999999"><c r="A2" t="str"><v>甲</v></c></row>""")]
    [InlineData("""<row r="2"><c r="A2" s="zz"><v>1</v></c></row>""")]
    [InlineData("""<row r="2"><c r="22" t="str"><v>甲</v></c></row>""")]
    [InlineData("""<row r="2"><c r="A2" t="str"><v>甲</c></row>""")]
    [InlineData("""<row r="2"><c r="A2" t="str"><v>甲</v></c></row><row r="2"><c r="A2" t="str"><v>乙</v></c></row>""")]
    public void Broken_sheet_xml_while_reading_rows_is_one_unreadable_file_exception(string rows)
    {
        using var sheet = Open(Workbook($"""<row r="1"><c r="A1" t="s"><v>0</v></c></row>{rows}""", "<si><t>名称</t></si>"));
        var e = Assert.Throws<UnreadableFileException>(() => sheet.Rows().ToList());
        Assert.Contains("near row", e.Message);
    }

    [Fact]
    public void Iso_date_cells_read_like_date_styled_numbers_and_custom_number_formats_are_not_applied()
    {
        const string styles = """<numFmts count="1"><numFmt numFmtId="164" formatCode="000000"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>""";
        using var sheet = Open(Workbook(
            """<row r="1"><c r="A1" t="str"><v>a</v></c></row><row r="2"><c r="A2" t="d"><v>2023-03-15T00:00:00</v></c><c r="B2" t="d"><v>2023-03-15T12:30:45</v></c><c r="C2" t="d"><v>2023-03-15</v></c><c r="D2" t="d"><v>1899-12-30T09:00:00</v></c><c r="E2" t="d"><v>09:15:00</v></c><c r="F2" t="d"><v>2023-03-15T08:00:00+08:00</v></c><c r="G2" t="d"><v>不是日期</v></c><c r="H2" s="1"><v>1234</v></c></row>""",
            styles: styles));
        Assert.Equal(new string?[] { "2023-03-15", "2023-03-15 12:30", "2023-03-15", "09:00", "09:15", "2023-03-15 08:00", "不是日期", "1234" },
            Assert.Single(sheet.Rows()).Cells.AsEnumerable());
    }
}
