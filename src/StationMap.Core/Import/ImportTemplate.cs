using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StationMap.Stations;

namespace StationMap.Import;

/// <summary>The downloadable upload template: Chinese headers, code columns formatted as text (so Excel keeps
/// leading zeros and long numbers), drop-down lists for type, services, public and coordinate system, and a
/// sheet of instructions.</summary>
public static class ImportTemplate
{
    private static readonly (string Header, bool Text, string? List)[] Columns =
    [
        ("站点编码", true, null), ("版本", true, null), ("站点名称*", false, null), ("地址*", false, null), ("经度*", false, null), ("纬度*", false, null),
        ("坐标系*", false, "wgs84,gcj02,bd09"), ("行政区划代码*", true, null), ("站点类型", false, "标准,微型,流动"),
        ("服务内容", false, string.Join(",", ServiceCatalog.All.Select(s => s.Chinese.Replace("/", "／")))), ("其他服务", false, null), ("开放时间", false, null),
        ("联系电话", true, null), ("依托单位", false, null), ("依托单位类型", false, "邮政,银行,加油站,通信,社区,政府,企业,工会,其他"),
        ("管理工会", false, null), ("是否对外开放", false, "是,否"), ("无障碍", false, "是,否"), ("状态", false, "正常,暂停,关闭"), ("面积（平方米）", false, null),
        ("图片", false, null), ("备注", false, null),
    ];

    public static void Write(Stream output)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        book.Workbook = new Workbook(new Sheets());
        AddStyles(book);
        AddSheet(book, "站点", StationsSheet());
        AddSheet(book, "填写说明", InstructionsSheet());
        book.Workbook.Save();
    }

    private static Worksheet StationsSheet()
    {
        var cols = new DocumentFormat.OpenXml.Spreadsheet.Columns(Columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Header.Length > 4 ? 18 : 14, CustomWidth = true, Style = c.Text ? 1U : 0U,
        }));
        var header = new Row { RowIndex = 1 };
        foreach (var (c, i) in Columns.Select((c, i) => (c, i))) header.Append(TextCell(ColumnMap.ColumnLetter(i) + "1", c.Header, style: 2));
        var validations = new DataValidations();
        foreach (var (c, i) in Columns.Select((c, i) => (c, i)).Where(x => x.c.List is not null))
        {
            var multi = c.Header == "服务内容"; // several services per cell: the list helps, but typing more is allowed
            validations.Append(new DataValidation(new Formula1($"\"{c.List}\""))
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowDropDown = false, ShowErrorMessage = !multi,
                ErrorTitle = "请从列表选择", Error = "请从下拉列表中选择 / choose a value from the list",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{ColumnMap.ColumnLetter(i)}2:{ColumnMap.ColumnLetter(i)}500001" },
            });
        }
        validations.Count = (uint)validations.ChildElements.Count;
        return new Worksheet(cols, new SheetData(header), validations);
    }

    private static Worksheet InstructionsSheet()
    {
        string[] lines =
        [
            "户外劳动者服务站点导入模板 / StationMap import template",
            "带 * 的列必填。第 1 行为表头，请勿修改；从第 2 行开始每行一个站点。",
            "站点编码：已有站点填原编码即更新该站点；留空则自动生成（如 BJ110108-000123）。",
            "版本：来自导出或错误文件的站点版本号，请勿修改；新站点留空。若该站点在此版本之后被人修改过，导入会报告冲突，确认后才覆盖。",
            "经度、纬度：十进制度（116.397428）或度分秒（116°23′50.7″）；也可用一列“经纬度”填“116.397428,39.90923”。请保留 4 位以上小数：只有 2 位小数约差 1 公里，导入时会提示。",
            "坐标系：wgs84（GPS、北斗、天地图）、gcj02（高德、腾讯）、bd09（百度）。必须填写本列，或在经纬度表头注明（如“经度（GCJ-02）”），或上传时指定；表头与本列或上传时指定的不一致会报错；系统不会猜测。",
            "行政区划代码：6 位区县代码，如 110108（北京市海淀区）。请保持为文本格式，避免 Excel 变成科学计数法。",
            $"服务内容：可多选，用顿号或逗号分隔：{string.Join("、", ServiceCatalog.All.Select(s => s.Chinese))}。",
            "开放时间：如“24小时”“周一至周五 8:00-18:00”或“Mo-Fr 08:00-18:00; Sa,Su 09:00-17:00”。",
            "名称不超过 45 个字（百度上图限制），地址不超过 200 个字。未识别的列会保留到备注中。",
            "上传后先“预检”（dry run）查看每一处问题的行号和列名，修改后再提交；有错误时默认不写入任何数据。",
            "示例：站点编码 留空 | 版本 留空 | 中关村街道工会驿站 | 北京市海淀区中关村大街27号 | 116.3162 | 39.9834 | wgs84 | 110108 | 标准 | 饮水、手机充电、卫生间 | 24小时 | 010-62561234",
        ];
        var data = new SheetData(lines.Select((l, i) => new Row(TextCell($"A{i + 1}", l, i == 0 ? 2U : 0U)) { RowIndex = (uint)i + 1 }));
        return new Worksheet(new DocumentFormat.OpenXml.Spreadsheet.Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }), data);
    }

    private static void AddSheet(WorkbookPart book, string name, Worksheet sheet)
    {
        var part = book.AddNewPart<WorksheetPart>();
        part.Worksheet = sheet;
        var sheets = book.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static Cell TextCell(string reference, string text, uint style = 0) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    /// <summary>Style 1 = text format ("@") for code columns; style 2 = bold header.</summary>
    private static void AddStyles(WorkbookPart book)
    {
        var styles = book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });
    }
}
