using System.Globalization;
using StationMap.Common;
using StationMap.Coverage;
using StationMap.Coverage.Grid;
using StationMap.Coverage.Uploads;
using StationMap.Geo;

namespace StationMap.Api.Coverage;

/// <summary>Region, radius, cell size and coordinate systems, from the query string or a JSON body.</summary>
internal sealed record CoverageParameters(CoverageRegion Region, double Radius, double Cell, CoordSys In, CoordSys Out, int Critical)
{
    public string Adcode => Region.Adcode;

    public const double MinRadius = 100, MaxRadius = 5000;
    /// <summary>Beijing at 100 m is ~0.63 M cells; more than this in one request is refused with a hint.</summary>
    public const long MaxCells = 3_000_000;

    public static CoverageParameters? Parse(Func<string, string?> get, List<FieldError> errors, UploadedRegion? uploaded = null)
    {
        var adcode = get("adcode")?.Trim() ?? "";
        if (uploaded is null) CheckAdcode(adcode, errors); // an uploaded region replaces the adcode
        var radius = Number(get, "radius", 1000, MinRadius, MaxRadius, errors);
        var cell = Number(get, "cell", HexGrid.DefaultEdge, HexGrid.MinEdge, HexGrid.MaxEdge, errors);
        var critical = (int)Number(get, "critical", 10, 0, 100, errors);
        var inSys = Sys(get, "coordsys", errors);
        var outSys = get("outCoordsys") is null ? inSys : Sys(get, "outCoordsys", errors);
        if (errors.Count > 0) return null;
        var region = uploaded is not null ? uploaded.Parse(inSys, errors) : CoverageRegion.Of(adcode);
        if (region is null) return null;
        var area = region.Districts.Sum(d => HexGrid.RegionArea(d.Outline));
        if (area / (1.5 * Math.Sqrt(3) * cell * cell) > MaxCells)
        {
            errors.Add(FieldError.Of("cell", "too_many_cells", $"cell={cell} 对该区域格子过多（上限 {MaxCells:N0}），请加大 cell 或缩小区域",
                $"cell={cell} gives more than {MaxCells:N0} cells for this region; use a larger cell or a smaller region"));
            return null;
        }
        return new CoverageParameters(region, radius, cell, inSys, outSys, critical);
    }

    private static void CheckAdcode(string adcode, List<FieldError> errors)
    {
        if (adcode.Length != 6 || !adcode.All(char.IsAsciiDigit))
            errors.Add(FieldError.Of("adcode", "invalid_parameter", $"adcode 须为6位行政区划代码：'{adcode}'", $"adcode must be a 6-digit division code: '{adcode}'"));
        else if (CoverageService.Boundaries.Within(adcode).Count == 0)
            errors.Add(FieldError.Of("adcode", "no_boundary", $"没有 {adcode} 的区县边界数据", $"no district boundaries for {adcode}"));
    }

    private static double Number(Func<string, string?> get, string name, double fallback, double min, double max, List<FieldError> errors)
    {
        var text = get(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        errors.Add(FieldError.Of(name, "out_of_range", $"{name} 须为 {min} 到 {max} 之间的数：'{text}'", $"{name} must be a number from {min} to {max}: '{text}'"));
        return fallback;
    }

    private static CoordSys Sys(Func<string, string?> get, string name, List<FieldError> errors)
    {
        var text = get(name);
        if (string.IsNullOrWhiteSpace(text)) return CoordSys.Wgs84;
        if (CoordSysNames.TryParse(text, out var sys) && sys != CoordSys.Bd09Mc) return sys;
        errors.Add(QueryParameters.Invalid(name, text, QueryParameters.ValidCoordsys));
        return CoordSys.Wgs84;
    }
}
