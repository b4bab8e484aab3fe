using StationMap.Geo;

namespace StationMap.Import;

/// <summary>Which file column holds which field, the columns nobody knows, and the header names for messages.</summary>
public sealed class ColumnMap
{
    private readonly Dictionary<ImportField, int> _index = [];
    private readonly Dictionary<ImportField, CoordSys> _stated = [];
    private readonly List<string> _disagreeing = [];

    public IReadOnlyList<string> Headers { get; }
    /// <summary>Columns that are not station fields: their values are kept in the notes, never dropped.</summary>
    public IReadOnlyList<int> Unknown { get; }

    /// <summary>The header's row as the sheet numbers it (1 unless rows above it were skipped).</summary>
    public int HeaderRow { get; }

    private ColumnMap(IReadOnlyList<string> headers, List<int> unknown, int headerRow) => (Headers, Unknown, HeaderRow) = (headers, unknown, headerRow);

    public static ColumnMap Read(IReadOnlyList<string?> rawHeaders, List<ImportProblem> warnings, int headerRow = 1, IReadOnlyList<int>? rowsAbove = null)
    {
        // Said, not silent: were the header chosen wrongly, these rows would be lost without a word.
        foreach (var above in rowsAbove ?? [])
            warnings.Add(ImportProblem.Of(above, "", "above_header", $"在表头（第 {headerRow} 行）之上，不导入",
                $"above the header (row {headerRow}); not imported"));
        var headers = rawHeaders.Select((h, i) => string.IsNullOrWhiteSpace(h) ? $"列{ColumnLetter(i)}" : h.Trim()).ToList();
        var unknown = new List<int>();
        var map = new ColumnMap(headers, unknown, Math.Max(1, headerRow));
        for (var i = 0; i < headers.Count; i++)
        {
            var (field, stated) = ImportHeaders.Read(rawHeaders[i]);
            if (field is { } f && map._index.TryAdd(f, i))
            {
                if (stated is { } sys) map._stated[f] = sys;
                else if (ImportHeaders.GlossesDisagree(rawHeaders[i])) map._disagreeing.Add(headers[i]);
                continue;
            }
            if (string.IsNullOrWhiteSpace(rawHeaders[i])) { unknown.Add(i); continue; }
            unknown.Add(i);
            warnings.Add(field is null
                ? ImportProblem.Of(map.HeaderRow, headers[i], "unknown_column", "未识别的列，内容将写入备注", "unknown column; its values are kept in the notes")
                : ImportProblem.Of(map.HeaderRow, headers[i], "duplicate_column", $"重复的列（已由“{headers[map._index[field.Value]]}”提供），内容将写入备注",
                    $"duplicate column (already given by '{headers[map._index[field.Value]]}'); its values are kept in the notes"));
        }
        return map;
    }

    /// <summary>The coordinate columns whose header states a coordinate system ("经度（GCJ-02）"), with that system.</summary>
    public IReadOnlyDictionary<ImportField, CoordSys> StatedCoordsys => _stated;

    /// <summary>Coordinate headers whose glosses name two systems ("经度（WGS84）（百度）").</summary>
    public IReadOnlyList<string> DisagreeingHeaders => _disagreeing;

    public bool Has(ImportField field) => _index.ContainsKey(field);

    public int? IndexOf(ImportField field) => _index.TryGetValue(field, out var i) ? i : null;

    public string? HeaderOf(ImportField field) => IndexOf(field) is { } i ? Headers[i] : null;

    /// <summary>File-level problems: a missing required column makes every row fail, so say it once.</summary>
    public List<ImportProblem> MissingColumns(bool coordsysGiven)
    {
        var missing = new List<ImportProblem>();
        void Need(bool ok, string zh, string en)
        {
            if (!ok) missing.Add(ImportProblem.Of(HeaderRow, "", "missing_column", $"缺少必填列：{zh}", $"required column missing: {en}"));
        }
        // The same columns as HasRequired, one message each.
        Need(Has(ImportField.Name), "站点名称", "name");
        Need(Has(ImportField.Address), "地址", "address");
        Need(Has(ImportField.Adcode), "行政区划代码", "adcode");
        Need(Has(ImportField.LngLat) || (Has(ImportField.Lng) && Has(ImportField.Lat)), "经度和纬度（或经纬度）", "lng and lat (or one lnglat column)");
        if (!coordsysGiven && !Has(ImportField.Coordsys))
            missing.Add(ImportProblem.Of(0, "", "coordsys_required",
                "未说明坐标系：请在文件中加“坐标系”列、在经纬度表头注明（如“经度（GCJ-02）”），或上传时指定 coordsys（wgs84、gcj02、bd09）——猜测坐标系会使站点偏移数百米",
                "no coordinate system: add a 'coordsys' column, state it in the coordinate headers (e.g. 'lng (GCJ-02)'), or pass coordsys=wgs84|gcj02|bd09 — guessing puts stations hundreds of metres off"));
        return missing;
    }

    /// <summary>Whether a header naming <paramref name="fields"/> has every column a station needs (the coordinate
    /// system may come with the upload instead).</summary>
    public static bool HasRequired(IReadOnlySet<ImportField> fields) =>
        fields.Contains(ImportField.Name) && fields.Contains(ImportField.Address) && fields.Contains(ImportField.Adcode)
        && (fields.Contains(ImportField.LngLat) || (fields.Contains(ImportField.Lng) && fields.Contains(ImportField.Lat)));

    public static string ColumnLetter(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }
}
