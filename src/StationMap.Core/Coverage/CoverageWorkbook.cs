using StationMap.Common;

namespace StationMap.Coverage;

/// <summary>The report workbook: a summary sheet, then one sheet per district with its figures and critical stations.</summary>
public static class CoverageWorkbook
{
    private const string Loss1Area = "0 覆盖面积 gap0 m²", Loss2Area = "1 覆盖面积 gap1 m²", Loss1Weight = "0 覆盖权重 gap0 weight", Loss2Weight = "1 覆盖权重 gap1 weight";

    public static void Write(Stream output, CoverageReport report)
    {
        var weighted = report.Region.ByArea is not null;
        var sheets = new Dictionary<string, List<Dictionary<string, object?>>>
        {
            ["汇总 summary"] = new[] { report.Region }.Concat(report.Districts).Select(f => Row(f, weighted)).ToList(),
        };
        foreach (var d in report.Districts)
        {
            var rows = new List<Dictionary<string, object?>> { Row(d, weighted) };
            // Critical stations below the figures, in the same columns (every row needs every key); their losses are in
            // the report's weight: m² by area, the layer's units with a weight layer.
            rows.AddRange(d.Critical.Select((c, i) =>
            {
                var row = rows[0].ToDictionary(kv => kv.Key, _ => (object?)null);
                row["行政区划 adcode"] = $"关键站点 critical #{i + 1}";
                row["名称 name"] = $"{c.Code} {c.Name}";
                row[weighted ? Loss1Weight : Loss1Area] = Math.Round(c.Loss1, weighted ? 3 : 0);
                row[weighted ? Loss2Weight : Loss2Area] = Math.Round(c.Loss2, weighted ? 3 : 0);
                return row;
            }));
            sheets[$"{d.Adcode} {d.Name}"] = rows;
        }
        using var book = new XlsxWorkbookWriter(output);
        foreach (var (name, rows) in sheets)
            book.AddSheet(name, rows[0].Keys.ToList(), rows.Select(r => r.Values.ToList()), filter: true);
    }

    /// <summary>Shares by area always; with a weight layer the weighted shares and weights beside them.</summary>
    private static Dictionary<string, object?> Row(CoverageFigures f, bool weighted)
    {
        var area = f.ByArea ?? f;
        var row = new Dictionary<string, object?>
        {
            ["行政区划 adcode"] = f.Adcode, ["名称 name"] = f.Name, ["格子数 cells"] = f.Cells, ["面积 m² area"] = Math.Round(area.Weight),
            ["≥1 覆盖率 covered1"] = Math.Round(area.Covered1, 5), ["≥2 覆盖率 covered2"] = Math.Round(area.Covered2, 5),
            ["≥1 格子占比 cellsCovered1"] = Math.Round(f.CellsCovered1, 5), ["≥2 格子占比 cellsCovered2"] = Math.Round(f.CellsCovered2, 5),
            ["0 覆盖格 gap0 cells"] = f.Gap0Cells, [Loss1Area] = Math.Round(area.Gap0Weight),
            ["1 覆盖格 gap1 cells"] = f.Gap1Cells, [Loss2Area] = Math.Round(area.Gap1Weight),
        };
        if (!weighted) return row;
        row["权重合计 weight"] = Math.Round(f.Weight, 3);
        row["≥1 加权覆盖率 covered1 weighted"] = Math.Round(f.Covered1, 5);
        row["≥2 加权覆盖率 covered2 weighted"] = Math.Round(f.Covered2, 5);
        row[Loss1Weight] = Math.Round(f.Gap0Weight, 3);
        row[Loss2Weight] = Math.Round(f.Gap1Weight, 3);
        return row;
    }
}
