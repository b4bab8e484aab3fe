using MiniExcelLibs;

namespace StationMap.Publication;

/// <summary>The summary as an xlsx: one row per district plus the total, columns per provider.</summary>
public static class PublicationSheet
{
    public static byte[] Write(PublicationSummary summary)
    {
        var rows = summary.Districts.Append(summary.Total with { Name = "合计 " + summary.Total.Name }).Select(d =>
        {
            var row = new Dictionary<string, object> { ["区县"] = d.Name, ["行政区划代码"] = d.Adcode, ["站点数"] = d.Stations, ["公开在用"] = d.PublicActive };
            foreach (var p in d.Providers)
            {
                var label = p.Provider switch { "amap" => "高德", "baidu" => "百度", _ => p.Provider };
                row[$"{label}已报送"] = p.Submitted;
                row[$"{label}已上线"] = p.Online;
                row[$"{label}驳回"] = p.Rejected;
                row[$"{label}待更新"] = p.NeedsUpdate;
                row[$"{label}上图率"] = p.OnlineRate is { } r ? $"{r:P1}" : "";
            }
            return row;
        });
        using var memory = new MemoryStream();
        memory.SaveAs(rows, sheetName: "上图率");
        return memory.ToArray();
    }
}
