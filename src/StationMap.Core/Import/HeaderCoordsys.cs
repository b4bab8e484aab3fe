using StationMap.Geo;

namespace StationMap.Import;

/// <summary>
/// The coordinate system the coordinate headers state ("经度（GCJ-02）", "纬度(百度)", "lng_bd09"). Staff write it there as
/// often as in a 坐标系 column, and losing it let a wrong coordsys parameter shift every station by hundreds of metres.
/// The headers must agree with each other and with the upload's coordsys; a 坐标系 column is checked row by row
/// (<see cref="RowMapper"/>).
/// </summary>
public sealed record HeaderCoordsys(CoordSys Sys, string Column)
{
    /// <summary>The headers' system, or null when none states one or they contradict (then an error says so).</summary>
    public static HeaderCoordsys? Check(ColumnMap map, string? uploadCoordsys, List<ImportProblem> errors, List<ImportProblem> warnings)
    {
        if (map.DisagreeingHeaders.Count > 0)
        {
            var column = map.DisagreeingHeaders[0];
            errors.Add(ImportProblem.Of(0, column, "coordsys_header_conflict",
                $"表头“{column}”的说明写了两个不同的坐标系，请改正表头", $"the header '{column}' names two different coordinate systems; correct the header"));
            return null;
        }
        var stated = map.StatedCoordsys.OrderBy(s => map.IndexOf(s.Key)).Select(s => new HeaderCoordsys(s.Value, map.HeaderOf(s.Key)!)).ToList();
        if (stated.Count == 0) return null;
        var first = stated[0];
        if (stated.FirstOrDefault(s => s.Sys != first.Sys) is { } other)
        {
            errors.Add(ImportProblem.Of(0, $"{first.Column},{other.Column}", "coordsys_header_conflict",
                $"表头说明的坐标系互相矛盾：“{first.Column}”为 {first.Sys.ToWire()}，“{other.Column}”为 {other.Sys.ToWire()}，请改正表头",
                $"the headers state different coordinate systems: '{first.Column}' says {first.Sys.ToWire()}, '{other.Column}' says {other.Sys.ToWire()}; correct the headers"));
            return null;
        }
        if (uploadCoordsys is not null && CoordSysNames.TryParse(uploadCoordsys, out var upload) && upload != first.Sys)
        {
            errors.Add(ImportProblem.Of(0, first.Column, "coordsys_contradicts_header",
                $"上传时指定的坐标系 {upload.ToWire()} 与表头“{first.Column}”说明的 {first.Sys.ToWire()} 不一致（用错坐标系会使站点偏移数百米）：请核对哪个正确——坐标确为 {first.Sys.ToWire()} 就在上传时选 {first.Sys.ToWire()}，否则改正表头",
                $"the coordsys parameter {upload.ToWire()} contradicts the header '{first.Column}', which says {first.Sys.ToWire()} (the wrong system puts stations hundreds of metres off): check which is right — if the coordinates are {first.Sys.ToWire()}, upload with coordsys {first.Sys.ToWire()}, otherwise correct the header"));
            return null;
        }
        warnings.Add(ImportProblem.Of(map.HeaderRow, first.Column, "coordsys_from_header",
            $"坐标系取自表头“{first.Column}”：{first.Sys.ToWire()}", $"coordinate system {first.Sys.ToWire()} taken from the header '{first.Column}'"));
        return first;
    }
}
