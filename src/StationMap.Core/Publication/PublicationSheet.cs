using StationMap.Common;

namespace StationMap.Publication;

/// <summary>The summary as an xlsx: one row per district plus the total, columns per provider.</summary>
public static class PublicationSheet
{
    public static byte[] Write(PublicationSummary summary)
    {
        var districts = summary.Districts.Append(summary.Total with { Name = "合计 " + summary.Total.Name }).ToList();
        var headers = new List<string> { "区县", "行政区划代码", "站点数", "公开在用" };
        headers.AddRange(districts[0].Providers.SelectMany(p => ProviderColumns.Select(column => Label(p.Provider) + column)));
        var rows = districts.Select(d => new object?[] { d.Name, d.Adcode, d.Stations, d.PublicActive }
            .Concat(d.Providers.SelectMany(p => new object?[] { p.Submitted, p.Online, p.Rejected, p.NeedsUpdate, p.OnlineRate is { } r ? $"{r:P1}" : "" }))
            .ToList());
        using var memory = new MemoryStream();
        using (var book = new XlsxWorkbookWriter(memory)) book.AddSheet("上图率", headers, rows, filter: true);
        return memory.ToArray();
    }

    private static readonly string[] ProviderColumns = ["已报送", "已上线", "驳回", "待更新", "上图率"];

    private static string Label(string provider) => provider switch { "amap" => "高德", "baidu" => "百度", _ => provider };
}
