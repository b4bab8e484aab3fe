using StationMap.Geo;

namespace StationMap.Import;

/// <summary>The station fields a spreadsheet column can hold.</summary>
public enum ImportField
{
    Code, Name, Address, Lng, Lat, LngLat, Coordsys, Adcode, Type, Services, Hours, Phone,
    Host, HostKind, Org, Public, Status, Area, Photos, Notes, OtherServices, Accessible, Version,
}

/// <summary>Header names staff write, Chinese or English, mapped to fields. Matching ignores case, spaces,
/// "_", "-", "*" and anything in brackets ("面积（㎡）", "站点名称*"). A coordinate header may also state its coordinate
/// system, in brackets ("经度（GCJ-02）", "纬度(百度)") or glued on ("lng_bd09", "百度经度"): see <see cref="Read"/>.</summary>
public static class ImportHeaders
{
    /// <summary>The template's headers, in template order: the first alias of each field.</summary>
    public static readonly IReadOnlyList<(ImportField Field, string[] Aliases)> Fields =
    [
        (ImportField.Code, ["站点编码", "编码", "编号", "站点编号", "code", "station_code"]),
        (ImportField.Name, ["站点名称", "名称", "站名", "name", "title"]),
        (ImportField.Address, ["地址", "详细地址", "站点地址", "address"]),
        (ImportField.Lng, ["经度", "lng", "lon", "long", "longitude", "x"]),
        (ImportField.Lat, ["纬度", "lat", "latitude", "y"]),
        (ImportField.LngLat, ["经纬度", "坐标", "经纬度坐标", "lnglat", "location"]),
        (ImportField.Coordsys, ["坐标系", "坐标类型", "coordsys", "coord_type"]),
        (ImportField.Adcode, ["行政区划代码", "区划代码", "行政区划编码", "区县代码", "adcode"]),
        (ImportField.Type, ["站点类型", "类型", "type"]),
        (ImportField.Services, ["服务内容", "服务设施", "服务项目", "配套设施", "services"]),
        (ImportField.Hours, ["开放时间", "营业时间", "服务时间", "hours", "opening_hours"]),
        (ImportField.Phone, ["联系电话", "电话", "联系方式", "phone", "tel"]),
        (ImportField.Host, ["依托单位", "承建单位", "host", "host_organization"]),
        (ImportField.HostKind, ["依托单位类型", "单位类型", "host_kind"]),
        (ImportField.Org, ["管理工会", "所属工会", "org"]),
        (ImportField.Public, ["是否对外开放", "对外开放", "public", "is_public"]),
        (ImportField.Status, ["状态", "运行状态", "status"]),
        (ImportField.Area, ["面积", "面积平方米", "area", "area_m2"]),
        (ImportField.Photos, ["图片", "照片", "photos", "photo"]),
        (ImportField.Notes, ["备注", "notes", "note", "remark"]),
        (ImportField.Accessible, ["无障碍", "无障碍通道", "无障碍设施", "无台阶", "accessible", "step_free", "wheelchair"]),
        (ImportField.OtherServices, ["其他服务", "其它服务", "other_services"]),
        // The station's version the row was based on (template, export, error workbook): guards against overwriting a newer edit.
        (ImportField.Version, ["版本", "版本号", "version", "row_version", "base_version"]),
    ];

    private static readonly Dictionary<string, ImportField> ByAlias = Fields
        .SelectMany(f => f.Aliases.Select(a => (Key: Key(a), f.Field)))
        .ToDictionary(x => x.Key, x => x.Field);

    public static string TemplateHeader(ImportField field) => Fields.First(f => f.Field == field).Aliases[0];

    public static ImportField? Find(string? header) => Read(header).Field;

    /// <summary>The field a header names and, for the coordinate columns, the coordinate system it states (null when it
    /// states none, or glosses that disagree). "经度（小数）" names the field and no system.</summary>
    public static (ImportField? Field, CoordSys? Coordsys) Read(string? header)
    {
        var key = Key(header ?? "");
        if (ByAlias.TryGetValue(key, out var field))
            return (field, IsCoordinate(field) ? Bracketed(header!) : null);
        foreach (var (word, sys) in GluedWords)
        {
            if (key.Length > word.Length && key.EndsWith(word, StringComparison.Ordinal)
                && ByAlias.TryGetValue(key[..^word.Length], out var before) && IsCoordinate(before))
                return (before, sys);
            if (key.Length > word.Length && key.StartsWith(word, StringComparison.Ordinal)
                && ByAlias.TryGetValue(key[word.Length..], out var after) && IsCoordinate(after))
                return (after, sys);
        }
        return (null, null);
    }

    public static bool IsCoordinate(ImportField field) => field is ImportField.Lng or ImportField.Lat or ImportField.LngLat;

    /// <summary>System words that may be glued to a coordinate header, longest first ("bd09mc" before "bd09").</summary>
    private static readonly (string Word, CoordSys Sys)[] GluedWords = CoordSysNames.Words
        .Where(w => w.Key.Length >= 2).OrderByDescending(w => w.Key.Length).Select(w => (w.Key, w.Value)).ToArray();

    /// <summary>The system the bracketed glosses of a header name; every gloss that names one must name the same.</summary>
    private static CoordSys? Bracketed(string header)
    {
        var systems = GlossSystems(header).Distinct().ToList();
        return systems.Count == 1 ? systems[0] : null;
    }

    /// <summary>A coordinate header whose glosses name two systems ("经度（WGS84）（百度）"): refused, never guessed.</summary>
    public static bool GlossesDisagree(string? header) =>
        header is not null && Find(header) is { } field && IsCoordinate(field) && GlossSystems(header).Distinct().Count() > 1;

    private static IEnumerable<CoordSys> GlossSystems(string header)
    {
        foreach (var gloss in Glosses(Fullwidth.ToHalfwidth(header)))
            if (CoordSysNames.TryParse(gloss, out var sys)) yield return sys;
    }

    private static IEnumerable<string> Glosses(string header)
    {
        var depth = 0;
        var sb = new System.Text.StringBuilder();
        foreach (var c in header)
        {
            if (c is '(' or '[' or '【' or '（') { if (depth++ == 0) sb.Clear(); else sb.Append('/'); }
            else if (c is ')' or ']' or '】' or '）') { if (depth > 0 && --depth == 0) yield return sb.ToString(); else if (depth > 0) sb.Append('/'); }
            else if (depth > 0) sb.Append(c);
        }
    }

    private static string Key(string header)
    {
        var s = Fullwidth.ToHalfwidth(header).Trim().ToLowerInvariant();
        var sb = new System.Text.StringBuilder(s.Length);
        var depth = 0;
        foreach (var c in s)
        {
            if (c is '(' or '[' or '【' or '（') depth++;
            else if (c is ')' or ']' or '】' or '）') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && !char.IsWhiteSpace(c) && c is not ('_' or '-' or '*' or '\uFEFF')) sb.Append(c);
        }
        return sb.ToString();
    }
}
