using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Import;

/// <summary>Turns one spreadsheet row into a <see cref="StationInput"/>, cleaning Excel artefacts on the way.
/// Problems that only the file can have (unreadable coordinates, "是/否", units) are reported here; the
/// station rules themselves stay in <see cref="StationValidator"/>.</summary>
public sealed class RowMapper(ColumnMap map, string? uploadCoordsys, IReadOnlyDictionary<string, long> orgsByName, HeaderCoordsys? stated = null)
{
    public (StationInput Input, long? OrgId) Map(RawRow row, List<ImportProblem> errors, List<ImportProblem> warnings)
    {
        string? Cell(ImportField f) => map.IndexOf(f) is { } i && i < row.Cells.Length ? CellText.Clean(row.Cells[i]) : null;
        string Col(ImportField f) => map.HeaderOf(f) ?? "";
        void Warn(ImportField f, string code, string zh, string en) => warnings.Add(ImportProblem.Of(row.Number, Col(f), code, zh, en));
        void Error(ImportField f, string code, string zh, string en) => errors.Add(ImportProblem.Of(row.Number, Col(f), code, zh, en));

        string? Digits(ImportField f)
        {
            var v = CellText.Digits(Cell(f), out var scientific, out var lossy);
            if (lossy)
                Error(f, "excel_scientific", $"Excel 已把编号变成科学计数法（{Cell(f)}），位数已丢失：请把该列设为“文本”后重新填写",
                    $"Excel turned this number into scientific notation ({Cell(f)}) and lost digits; format the column as Text and re-enter it");
            else if (scientific)
                Warn(f, "excel_scientific", $"已把科学计数法 {Cell(f)} 还原为 {v}，请核对", $"restored {Cell(f)} from scientific notation to {v}; please check");
            return v;
        }

        foreach (var (cell, i) in row.Cells.Select((c, i) => (c, i)))
            if (cell is ['=', _, ..] && i < map.Headers.Count)
                warnings.Add(ImportProblem.Of(row.Number, map.Headers[i], "formula_text", "以“=”开头的内容按文本保存，不会被计算", "text starting with '=' is stored as text, never evaluated"));

        var coordsys = Cell(ImportField.Coordsys) ?? stated?.Sys.ToWire() ?? uploadCoordsys;
        if (stated is not null && Cell(ImportField.Coordsys) is { } rowSys && CoordSysNames.TryParse(rowSys, out var rs) && rs != stated.Sys)
            Error(ImportField.Coordsys, "coordsys_contradicts_header",
                $"本行坐标系“{rowSys}”（{rs.ToWire()}）与表头“{stated.Column}”说明的 {stated.Sys.ToWire()} 不一致，请核对坐标实际所用的坐标系",
                $"this row's coordinate system '{rowSys}' ({rs.ToWire()}) contradicts the header '{stated.Column}', which says {stated.Sys.ToWire()}; check which system the coordinates are in");
        var (lng, lat) = Coordinates(row.Number, coordsys, Cell, Col, errors, warnings);
        var area = CellText.Area(Cell(ImportField.Area), out var badArea);
        if (badArea) Error(ImportField.Area, "not_a_number", $"面积不是数字：{Cell(ImportField.Area)}", $"area is not a number: {Cell(ImportField.Area)}");
        var isPublic = CellText.YesNo(Cell(ImportField.Public));
        if (isPublic is null && Cell(ImportField.Public) is { } pub)
            Error(ImportField.Public, "invalid", $"“是否对外开放”应填 是/否（Y/N、1/0）：{pub}", $"public must be yes/no (是/否, Y/N, 1/0): {pub}");

        var accessible = CellText.YesNo(Cell(ImportField.Accessible));
        if (accessible is null && Cell(ImportField.Accessible) is { } acc)
            Error(ImportField.Accessible, "invalid", $"“无障碍”应填 是/否（Y/N、1/0）：{acc}", $"accessible must be yes/no (是/否, Y/N, 1/0): {acc}");

        long? orgId = null;
        var notes = new List<string>();
        if (Cell(ImportField.Org) is { } org)
        {
            if (orgsByName.TryGetValue(org, out var id)) orgId = id;
            else
            {
                notes.Add($"{Col(ImportField.Org)}：{org}");
                Warn(ImportField.Org, "unknown_org", "未找到该工会组织，已写入备注", "no union organisation with this name; kept in the notes");
            }
        }
        if (Cell(ImportField.Notes) is { } n) notes.Insert(0, n);
        foreach (var i in map.Unknown)
            if (i < row.Cells.Length && CellText.Clean(row.Cells[i]) is { } extra) notes.Add($"{map.Headers[i]}：{extra}");

        var (known, unknown) = Services(Cell(ImportField.Services));
        var other = string.Join("、", new[] { Cell(ImportField.OtherServices), unknown }.Where(s => s is not null)) is { Length: > 0 } o ? o : null;
        if (unknown is not null)
            Warn(ImportField.Services, "unknown_service", $"未识别的服务“{unknown}”已保存到“其他服务”", $"services not in the catalog ('{unknown}') were kept as other services");
        var input = new StationInput
        {
            Code = Digits(ImportField.Code), Name = Cell(ImportField.Name), Address = Cell(ImportField.Address),
            Adcode = Digits(ImportField.Adcode), Lng = lng, Lat = lat, Coordsys = coordsys,
            Type = Cell(ImportField.Type), AreaM2 = area, Services = known, OtherServices = other,
            OpeningHours = Cell(ImportField.Hours), Phone = Digits(ImportField.Phone),
            HostOrganization = Cell(ImportField.Host), HostKind = Cell(ImportField.HostKind), IsPublic = isPublic, Accessible = accessible,
            Status = Cell(ImportField.Status), Photos = CellText.Links(Cell(ImportField.Photos)),
            Notes = notes.Count == 0 ? null : string.Join("；", notes),
        };
        return (input, orgId);
    }

    /// <summary>Whole labels first ("Drinking water", "微波炉/热饭"), then word by word, then by keyword ("应急药箱");
    /// what stays unknown is returned as other services (never a reason to reject the row).</summary>
    private static (List<string> Known, string? Other) Services(string? text)
    {
        var names = new List<string>();
        var other = new List<string>();
        foreach (var part in CellText.List(text))
        {
            if (ServiceCatalog.TryResolve(part, out _)) { names.Add(part); continue; }
            foreach (var word in part.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
                if (ServiceCatalog.TryMatch(word, out var s)) names.Add(s.Code);
                else if (!other.Contains(word)) other.Add(word);
        }
        var joined = string.Join("、", other);
        return (names, other.Count == 0 ? null : joined.Length <= 200 ? joined : joined[..200]);
    }

    private (double? Lng, double? Lat) Coordinates(int row, string? coordsys, Func<ImportField, string?> cell,
        Func<ImportField, string> col, List<ImportProblem> errors, List<ImportProblem> warnings)
    {
        var mercator = CoordSysNames.TryParse(coordsys, out var sys) && sys == CoordSys.Bd09Mc;
        string? lngText = cell(ImportField.Lng), latText = cell(ImportField.Lat), pair = cell(ImportField.LngLat);
        if (lngText is not null || latText is not null)
        {
            if (lngText is null || latText is null) return (null, null); // the validator names the missing one
            if (mercator) return PlainPair($"{lngText},{latText}", row, col(ImportField.Lng), errors);
            var r = CoordinateParser.ParsePoint(lngText, latText, requireChina: false);
            if (r.Ok)
            {
                CoordinatePrecision.Check(row, lngText, col(ImportField.Lng), latText, col(ImportField.Lat), warnings);
                return (r.Value.Lng, r.Value.Lat);
            }
            var column = r.Error!.Code == CoordErrorCodes.Swapped ? $"{col(ImportField.Lng)},{col(ImportField.Lat)}"
                : CoordinateParser.ParseLng(lngText).Ok ? col(ImportField.Lat) : col(ImportField.Lng);
            errors.Add(new ImportProblem(row, column, "coord_" + r.Error.Code, r.Error.Message));
            return (null, null);
        }
        if (pair is null) return (null, null);
        if (mercator) return PlainPair(pair, row, col(ImportField.LngLat), errors);
        var p = CoordinateParser.ParsePair(pair, AxisOrder.LngLat);
        if (!p.Ok && p.Error!.Code == CoordErrorCodes.Swapped && CoordinateParser.ParsePair(pair, AxisOrder.LatLng) is { Ok: true } latFirst)
        {
            // A latitude cannot exceed 90, so "39.9,116.4" can only mean lat,lng (Baidu's order).
            warnings.Add(ImportProblem.Of(row, col(ImportField.LngLat), "lat_lng_order", "按“纬度,经度”顺序读取", "read as latitude,longitude"));
            CoordinatePrecision.CheckPair(row, pair, col(ImportField.LngLat), latFirst: true, warnings);
            return (latFirst.Value.Lng, latFirst.Value.Lat);
        }
        if (p.Ok)
        {
            CoordinatePrecision.CheckPair(row, pair, col(ImportField.LngLat), latFirst: false, warnings);
            return (p.Value.Lng, p.Value.Lat);
        }
        errors.Add(new ImportProblem(row, col(ImportField.LngLat), "coord_" + p.Error!.Code, p.Error.Message));
        return (null, null);
    }

    private static (double?, double?) PlainPair(string text, int row, string column, List<ImportProblem> errors)
    {
        var r = CoordinateParser.ParseMercatorPair(text);
        if (r.Ok) return (r.Value.Lng, r.Value.Lat);
        errors.Add(new ImportProblem(row, column, "coord_" + r.Error!.Code, r.Error.Message));
        return (null, null);
    }
}
