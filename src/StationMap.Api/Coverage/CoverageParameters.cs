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
        var radius = QueryParameters.Number(get("radius"), "radius", 1000, MinRadius, MaxRadius, errors);
        var cell = QueryParameters.Number(get("cell"), "cell", HexGrid.DefaultEdge, HexGrid.MinEdge, HexGrid.MaxEdge, errors);
        var critical = QueryParameters.Int(get("critical"), "critical", 10, 0, 100, errors);
        var inSys = QueryParameters.Coordsys(get("coordsys"), "coordsys", CoordSys.Wgs84, errors);
        var outSys = QueryParameters.Coordsys(get("outCoordsys"), "outCoordsys", inSys, errors);
        if (errors.Count > 0) return null;
        var region = uploaded is not null ? uploaded.Parse(inSys, errors) : CoverageRegion.Of(adcode);
        if (region is null) return null;
        var cellArea = 1.5 * Math.Sqrt(3) * cell * cell;
        // Outlines' boxes bound their areas: only a region whose boxes could hold too many cells is measured exactly
        // (projecting every vertex of a city's outline each time a tile of it is asked for would be most of the tile).
        if (region.Districts.Sum(d => BoxAreaAtMost(d.Outline.EnvelopeInternal)) / cellArea > MaxCells
            && region.Districts.Sum(d => HexGrid.RegionArea(d.Outline)) / cellArea > MaxCells)
        {
            errors.Add(FieldError.Of("cell", "too_many_cells", $"cell={cell} 对该区域格子过多（上限 {MaxCells:N0}），请加大 cell 或缩小区域",
                $"cell={cell} gives more than {MaxCells:N0} cells for this region; use a larger cell or a smaller region"));
            return null;
        }
        return new CoverageParameters(region, radius, cell, inSys, outSys, critical);
    }

    /// <summary>At least the area in m² of anything inside the box: its widest parallel's length by its greatest meridian length.</summary>
    private static double BoxAreaAtMost(NetTopologySuite.Geometries.Envelope box)
    {
        if (box.IsNull) return 0;
        var nearestEquator = box.MinY <= 0 && box.MaxY >= 0 ? 0 : Math.Min(Math.Abs(box.MinY), Math.Abs(box.MaxY));
        return box.Width * 111_321 * Math.Cos(nearestEquator * Math.PI / 180) * box.Height * 111_700;
    }

    private static void CheckAdcode(string adcode, List<FieldError> errors)
    {
        if (adcode.Length != 6 || !adcode.All(char.IsAsciiDigit))
            errors.Add(FieldError.Of("adcode", "invalid_parameter", $"adcode 须为6位行政区划代码：'{adcode}'", $"adcode must be a 6-digit division code: '{adcode}'"));
        else if (CoverageService.Boundaries.Within(adcode).Count == 0)
            errors.Add(FieldError.Of("adcode", "no_boundary", $"没有 {adcode} 的区县边界数据", $"no district boundaries for {adcode}"));
    }
}
