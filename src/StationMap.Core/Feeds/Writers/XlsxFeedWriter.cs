using System.IO.Packaging;
using StationMap.Common;
using StationMap.Feeds.Profiles;
using StationMap.Feeds.Rows;

namespace StationMap.Feeds.Writers;

/// <summary>
/// One workbook per export: a sheet per district ("海淀区 110108") and a summary sheet last (its counts are
/// known only after the rows). Rows stream from the database straight into the workbook writer.
/// </summary>
internal sealed class XlsxFeedWriter(FeedProfile profile, FeedLookups lookups)
{
    private const string SummarySheet = "汇总";

    public IReadOnlyList<WrittenFile> Write(IEnumerable<FeedItem> items, FeedTarget target)
    {
        using var source = new PeekableItems(items);
        if (source.Peek() is null) return [];
        // One workbook: an incremental one has every column (cells of other kinds' columns empty), a full one leaves out
        // the columns meant for some changes only.
        var (shown, headers) = profile.FileColumns(null, target.Incremental);
        var tally = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var name = $"{target.BaseName}.xlsx";
        var raw = Path.Combine(target.Folder, name + ".tmp");
        long bytes;
        string sha;
        try
        {
            using (var file = File.Create(raw))
            using (var book = new XlsxWorkbookWriter(file, CompressionOption.SuperFast))
            {
                if (profile.Sheets == "district")
                    foreach (var adcode in target.Adcodes)
                        book.AddSheet(lookups.SheetName(adcode), headers, Rows(source, shown, headers, tally, adcode));
                else
                    book.AddSheet("站点", headers, Rows(source, shown, headers, tally, null));
                book.AddSheet(SummarySheet, SummaryHeaders(target.Incremental), Summary(tally, target.Incremental));
            }
            (bytes, sha) = StableZip.Rewrite(raw, Path.Combine(target.Folder, name));
        }
        finally
        {
            // Also when the rows fail part-way: no half-written .tmp is left in the export folder.
            if (File.Exists(raw)) File.Delete(raw);
        }
        return [new WrittenFile(name, target.Incremental ? "mixed" : "all", tally.Values.Sum(t => t[0]), bytes, sha)];
    }

    private IEnumerable<object?[]> Rows(PeekableItems source, int[] shown, string[] headers, SortedDictionary<string, int[]> tally, string? adcode)
    {
        var any = false;
        while (source.Peek() is { } item && (adcode is null || item.Row.Adcode == adcode))
        {
            source.Take();
            any = true;
            var counts = tally.TryGetValue(item.Row.Adcode, out var c) ? c : tally[item.Row.Adcode] = new int[4];
            counts[0]++;
            if (item.Change is { } change) counts[1 + (int)change]++;
            var row = new object?[headers.Length];
            for (var j = 0; j < shown.Length; j++)
                row[j] = profile.Columns[shown[j]].Filled(item.Change) ? item.Row.Cells[shown[j]] : "";
            if (item.Change is { } ch && row.Length > shown.Length) row[^1] = profile.ChangeValues[ch.Wire()];
            yield return row;
        }
        // A district whose stations were all excluded still gets a readable sheet.
        if (!any) yield return ["（本区无可报送站点，见导出报告）"];
    }

    private static string[] SummaryHeaders(bool incremental) => incremental ? ["区县", "行政区划代码", "站点数", "新增", "更新", "撤回"] : ["区县", "行政区划代码", "站点数"];

    private IEnumerable<object?[]> Summary(SortedDictionary<string, int[]> tally, bool incremental)
    {
        foreach (var (adcode, c) in tally)
            yield return SummaryRow(lookups.District(adcode), adcode, c, incremental);
        var total = new int[4];
        foreach (var c in tally.Values) for (var i = 0; i < 4; i++) total[i] += c[i];
        yield return SummaryRow("合计", "", total, incremental);
    }

    private static object?[] SummaryRow(string name, string adcode, int[] c, bool incremental) =>
        incremental ? [name, adcode, c[0], c[1], c[2], c[3]] : [name, adcode, c[0]];
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
