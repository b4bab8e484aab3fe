using StationMap.Import;

namespace StationMap.Publication;

/// <summary>One row of a provider result file, with the columns we recognise.</summary>
public sealed record ResultRow(int Row, string? Code, string? Name, string? PoiId, string? Status, string? Reason);

/// <summary>
/// Reads a provider's result file (CSV in any encoding the import detects, or xlsx) and finds the station code,
/// name, POI id, status and reason columns by their usual Chinese or English headers.
/// </summary>
public static class ResultFileReader
{
    private static readonly string[] CodeHeaders = ["站点编码", "编码", "code", "station_code", "stationcode", "自定义编码"];
    private static readonly string[] NameHeaders = ["站点名称", "名称", "name", "_name", "title", "poi名称"];
    private static readonly string[] PoiHeaders = ["poi_id", "poiid", "poi id", "poi", "_id", "uid", "高德id", "百度id", "poi编号", "地图id", "id"];
    private static readonly string[] StatusHeaders = ["status", "状态", "审核状态", "结果", "result", "state"];
    private static readonly string[] ReasonHeaders = ["reason", "原因", "驳回原因", "备注", "message", "说明"];

    /// <summary>Reads through the import's guarded reader (<see cref="UploadedFile"/>): the same formats, limits and
    /// refusals. <paramref name="seekable"/> must be seekable. Throws <see cref="SheetLimitException"/> for a refused file.</summary>
    public static List<ResultRow> Read(Stream seekable, string fileName, ImportOptions options)
    {
        var errors = new List<ImportProblem>();
        using var sheet = UploadedFile.Open(seekable, fileName, null, options, errors);
        if (sheet is null) throw new SheetLimitException(errors[0]);
        var headers = sheet.Headers.Select(h => h?.Trim() ?? "").ToList();
        var rows = new List<ResultRow>();
        try
        {
            foreach (var raw in sheet.Rows())
            {
                if (raw.IsEmpty) continue;
                var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < headers.Count && i < raw.Cells.Length; i++)
                    if (headers[i].Length > 0 && raw.Cells[i] is { } cell) row.TryAdd(headers[i], cell);
                rows.Add(new ResultRow(raw.Number, Pick(row, CodeHeaders), Pick(row, NameHeaders), Pick(row, PoiHeaders),
                    Pick(row, StatusHeaders), Pick(row, ReasonHeaders)));
            }
        }
        catch (Exception e) when (e is not SheetLimitException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw new SheetLimitException("corrupt_file", $"文件无法完整读取：{e.Message}", $"the file could not be read to the end: {e.Message}");
        }
        return rows;
    }

    private static string? Pick(Dictionary<string, string> row, string[] headers)
    {
        foreach (var h in headers)
            if (row.TryGetValue(h, out var v) && !string.IsNullOrWhiteSpace(v)) return v.Trim();
        return null;
    }
}
