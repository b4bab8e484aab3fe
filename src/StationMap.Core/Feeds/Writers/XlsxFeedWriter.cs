using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;

namespace StationMap.Feeds.Writers;

/// <summary>
/// One workbook per export: a sheet per district ("海淀区 110108") and a summary sheet last (its counts are
/// known only after the rows). Rows stream from the database straight into MiniExcel.
/// </summary>
internal sealed class XlsxFeedWriter(FeedProfile profile, FeedLookups lookups)
{
    private const string SummarySheet = "汇总";

    public IReadOnlyList<WrittenFile> Write(IEnumerable<FeedItem> items, FeedTarget target)
    {
        using var source = new PeekableItems(items);
        if (source.Peek() is null) return [];
        var headers = profile.Columns.Select(c => c.Header).Concat(target.Incremental ? [profile.ChangeHeader] : []).ToArray();
        var tally = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var sheets = new Dictionary<string, object>();
        if (profile.Sheets == "district")
            foreach (var adcode in target.Adcodes)
                sheets[lookups.SheetName(adcode)] = Rows(source, headers, tally, adcode);
        else
            sheets["站点"] = Rows(source, headers, tally, null);
        sheets[SummarySheet] = Summary(tally, target.Incremental);

        var name = $"{target.BaseName}.xlsx";
        var raw = Path.Combine(target.Folder, name + ".tmp");
        MiniExcel.SaveAs(raw, sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { AutoFilter = false });
        long bytes;
        string sha;
        (bytes, sha) = StableZip.Rewrite(raw, Path.Combine(target.Folder, name));
        File.Delete(raw);
        return [new WrittenFile(name, target.Incremental ? "mixed" : "all", tally.Values.Sum(t => t[0]), bytes, sha)];
    }

    private IEnumerable<IDictionary<string, object>> Rows(PeekableItems source, string[] headers, SortedDictionary<string, int[]> tally, string? adcode)
    {
        var any = false;
        while (source.Peek() is { } item && (adcode is null || item.Row.Adcode == adcode))
        {
            source.Take();
            any = true;
            var counts = tally.TryGetValue(item.Row.Adcode, out var c) ? c : tally[item.Row.Adcode] = new int[4];
            counts[0]++;
            if (item.Change is { } change) counts[1 + (int)change]++;
            var row = new Dictionary<string, object>(headers.Length);
            for (var i = 0; i < item.Row.Cells.Length; i++) row[headers[i]] = item.Row.Cells[i];
            if (target(item) is { } value) row[profile.ChangeHeader] = value;
            yield return row;
        }
        // A district whose stations were all excluded still gets a readable sheet.
        if (!any) yield return headers.ToDictionary(h => h, h => (object)(h == headers[0] ? "（本区无可报送站点，见导出报告）" : ""));

        string? target(FeedItem i) => i.Change is { } ch ? profile.ChangeValues[ch.Wire()] : null;
    }

    private IEnumerable<IDictionary<string, object>> Summary(SortedDictionary<string, int[]> tally, bool incremental)
    {
        foreach (var (adcode, c) in tally)
            yield return SummaryRow(lookups.District(adcode), adcode, c, incremental);
        var total = new int[4];
        foreach (var c in tally.Values) for (var i = 0; i < 4; i++) total[i] += c[i];
        yield return SummaryRow("合计", "", total, incremental);
    }

    private static Dictionary<string, object> SummaryRow(string name, string adcode, int[] c, bool incremental)
    {
        var row = new Dictionary<string, object> { ["区县"] = name, ["行政区划代码"] = adcode, ["站点数"] = c[0] };
        if (!incremental) return row;
        row["新增"] = c[1];
        row["更新"] = c[2];
        row["撤回"] = c[3];
        return row;
    }
}

/// <summary>A forward-only enumerator with one item of look-ahead, so sheets can take "their" rows in turn.</summary>
internal sealed class PeekableItems(IEnumerable<FeedItem> items) : IDisposable
{
    private readonly IEnumerator<FeedItem> _e = items.GetEnumerator();
    private FeedItem? _next;
    private bool _done;

    public FeedItem? Peek()
    {
        if (_next is null && !_done)
        {
            if (_e.MoveNext()) _next = _e.Current;
            else _done = true;
        }
        return _next;
    }

    public void Take() => _next = null;

    public void Dispose() => _e.Dispose();
}
