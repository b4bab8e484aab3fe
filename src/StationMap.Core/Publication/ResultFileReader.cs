using System.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace StationMap.Publication;

/// <summary>One row of a provider result file, with the columns we recognise.</summary>
public sealed record ResultRow(int Row, string? Code, string? Name, string? PoiId, string? Status, string? Reason);

/// <summary>
/// Reads a provider's result file (CSV in UTF-8 with or without BOM, or GBK; or xlsx) and finds the station code,
/// name, POI id, status and reason columns by their usual Chinese or English headers.
/// </summary>
public static class ResultFileReader
{
    private static readonly string[] CodeHeaders = ["站点编码", "编码", "code", "station_code", "stationcode", "自定义编码"];
    private static readonly string[] NameHeaders = ["站点名称", "名称", "name", "_name", "title", "poi名称"];
    private static readonly string[] PoiHeaders = ["poi_id", "poiid", "poi id", "poi", "_id", "uid", "高德id", "百度id", "poi编号", "地图id", "id"];
    private static readonly string[] StatusHeaders = ["status", "状态", "审核状态", "结果", "result", "state"];
    private static readonly string[] ReasonHeaders = ["reason", "原因", "驳回原因", "备注", "message", "说明"];

    public static List<ResultRow> Read(Stream file, string fileName)
    {
        var rows = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(file) : ReadCsv(file);
        return rows.Select((r, i) => new ResultRow(i + 2, Pick(r, CodeHeaders), Pick(r, NameHeaders), Pick(r, PoiHeaders),
            Pick(r, StatusHeaders), Pick(r, ReasonHeaders))).ToList();
    }

    private static string? Pick(Dictionary<string, string> row, string[] headers)
    {
        foreach (var h in headers)
            if (row.TryGetValue(h, out var v) && !string.IsNullOrWhiteSpace(v)) return v.Trim();
        return null;
    }

    private static IEnumerable<Dictionary<string, string>> ReadXlsx(Stream file) =>
        MiniExcel.Query(file, useHeaderRow: true, excelType: ExcelType.XLSX)
            .Select(r => ((IDictionary<string, object?>)r).ToDictionary(kv => kv.Key.Trim(), kv => Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", StringComparer.OrdinalIgnoreCase));

    private static IEnumerable<Dictionary<string, string>> ReadCsv(Stream file)
    {
        using var memory = new MemoryStream();
        file.CopyTo(memory);
        var text = Decode(memory.ToArray());
        using var reader = CsvDataReader.Create(new StringReader(text));
        var list = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++) row.TryAdd(reader.GetName(i).Trim(), reader.GetString(i));
            list.Add(row);
        }
        return list;
    }

    /// <summary>UTF-8 (BOM or valid bytes), otherwise GBK/GB18030 — what Chinese office software writes.</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
