using StationMap.Common;

namespace StationMap.Coverage;

/// <summary>The report workbook: a summary sheet, then one sheet per district with its figures and critical stations.</summary>
public static class CoverageWorkbook
{
    public static void Write(Stream output, CoverageReport report)
    {
        var sheets = new Dictionary<string, List<Dictionary<string, object?>>>
        {
            ["汇总 summary"] = new[] { report.Region }.Concat(report.Districts).Select(Row).ToList(),
        };
        foreach (var d in report.Districts)
        {
            var rows = new List<Dictionary<string, object?>> { Row(d) };
            // Critical stations below the figures, in the same columns (every row needs every key).
            rows.AddRange(d.Critical.Select((c, i) =>
            {
                var row = rows[0].ToDictionary(kv => kv.Key, _ => (object?)null);
                row["行政区划 adcode"] = $"关键站点 critical #{i + 1}";
                row["名称 name"] = $"{c.Code} {c.Name}";
                row["0 覆盖面积 gap0 m²"] = Math.Round(c.Loss1);
                row["1 覆盖面积 gap1 m²"] = Math.Round(c.Loss2);
                return row;
            }));
            sheets[$"{d.Adcode} {d.Name}"] = rows;
        }
        using var book = new XlsxWorkbookWriter(output);
        foreach (var (name, rows) in sheets)
            book.AddSheet(name, rows[0].Keys.ToList(), rows.Select(r => r.Values.ToList()), filter: true);
    }

    private static Dictionary<string, object?> Row(CoverageFigures f) => new()
    {
        ["行政区划 adcode"] = f.Adcode, ["名称 name"] = f.Name, ["格子数 cells"] = f.Cells, ["面积 m² area"] = Math.Round((f.ByArea ?? f).Weight),
        ["≥1 覆盖率 covered1"] = Math.Round(f.Covered1, 5), ["≥2 覆盖率 covered2"] = Math.Round(f.Covered2, 5),
        ["≥1 格子占比 cellsCovered1"] = Math.Round(f.CellsCovered1, 5), ["≥2 格子占比 cellsCovered2"] = Math.Round(f.CellsCovered2, 5),
        ["0 覆盖格 gap0 cells"] = f.Gap0Cells, ["0 覆盖面积 gap0 m²"] = Math.Round((f.ByArea ?? f).Gap0Weight),
        ["1 覆盖格 gap1 cells"] = f.Gap1Cells, ["1 覆盖面积 gap1 m²"] = Math.Round((f.ByArea ?? f).Gap1Weight),
    };
}
