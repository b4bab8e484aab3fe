using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using StationMap.Common;
using StationMap.Coverage.Boundaries;
using StationMap.Geo;
using StationMap.Import;

namespace StationMap.Coverage.Points;

/// <summary>
/// Reads demand points: CSV or xlsx with columns lng, lat, coordsys, weight, label (Chinese headers 经度, 纬度,
/// 坐标系, 权重, 名称 too) through the import's sheet readers and coordinate parser, or a GeoJSON
/// FeatureCollection of points (properties weight, label; coordsys for the whole file). Every bad row is named.
/// </summary>
public static class DemandPointFile
{
    public const int MaxPoints = 200_000;

    /// <summary>The largest weight of one point (people, parcels a day): 200,000 points × 1e9 still add up to a finite sum.</summary>
    public const double MaxWeight = 1e9;

    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lng"] = "lng", ["lon"] = "lng", ["longitude"] = "lng", ["经度"] = "lng",
        ["lat"] = "lat", ["latitude"] = "lat", ["纬度"] = "lat",
        ["coordsys"] = "coordsys", ["坐标系"] = "coordsys",
        ["weight"] = "weight", ["权重"] = "weight",
        ["label"] = "label", ["name"] = "label", ["名称"] = "label",
    };

    /// <summary>A spreadsheet goes through the import's guarded reader (<see cref="UploadedFile"/>), with its limits.</summary>
    public static DemandSet? Read(Stream seekable, string fileName, CoordSys fallback, ImportOptions limits, List<FieldError> errors)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext is ".geojson" or ".json") return ReadGeoJson(seekable, fallback, errors);
        var problems = new List<ImportProblem>();
        try
        {
            using var sheet = UploadedFile.Open(seekable, fileName, null, limits, problems);
            errors.AddRange(problems.Select(p => new FieldError("file", p.Code, p.Message)));
            return sheet is null ? null : ReadSheet(sheet, fallback, errors);
        }
        catch (SheetLimitException e)
        {
            // Past a limit of the guarded reader (a cell too long, too many rows): the file is refused as a whole.
            errors.Add(new FieldError("file", e.Problem.Code, e.Problem.Message));
            return null;
        }
        catch (UnreadableFileException e)
        {
            errors.Add(FieldError.Of("file", "unreadable", $"文件无法完整读取：{e.Message}", $"the file could not be read to the end: {e.Message}"));
            return null;
        }
    }

    private static DemandSet? ReadSheet(ISheetSource sheet, CoordSys fallback, List<FieldError> errors)
    {
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < sheet.Headers.Count; i++)
            if (Headers.TryGetValue(sheet.Headers[i]?.Trim() ?? "", out var key)) columns.TryAdd(key, i);
        foreach (var needed in new[] { "lng", "lat" })
            if (!columns.ContainsKey(needed))
                errors.Add(FieldError.Of("file", "missing_column", $"缺少列 {needed}", $"column {needed} is missing"));
        if (errors.Count > 0) return null;
        var points = new Builder();
        // Read as the import reads: whatever the file reader throws (damaged zip or XML, broken quoting) is about the file.
        foreach (var row in ReadAhead.Rows(sheet.Rows()))
        {
            if (row.IsEmpty) continue;
            string? Cell(string key) => columns.TryGetValue(key, out var c) && c < row.Cells.Length ? row.Cells[c] : null;
            points.Add($"row {row.Number}", Cell("lng"), Cell("lat"), Cell("coordsys"), Cell("weight"), Cell("label"), fallback, errors);
            if (points.Count > MaxPoints) { errors.Add(TooMany()); return null; }
        }
        return points.Build(errors);
    }

    private static DemandSet? ReadGeoJson(Stream stream, CoordSys fallback, List<FieldError> errors)
    {
        FeatureCollection? collection;
        try { collection = JsonSerializer.Deserialize<FeatureCollection>(stream, DistrictBoundaries.GeoJsonOptions); }
        catch (JsonException e)
        {
            errors.Add(FieldError.Of("file", "invalid_geojson", $"GeoJSON 无法读取：{e.Message}", $"unreadable GeoJSON: {e.Message}"));
            return null;
        }
        var points = new Builder();
        for (var i = 0; i < (collection?.Count ?? 0); i++)
        {
            var f = collection![i];
            if (f.Geometry is not Point p)
            {
                errors.Add(FieldError.Of($"features[{i}]", "not_a_point", $"features[{i}] 不是点", $"features[{i}] is not a Point"));
                continue;
            }
            string? Prop(string key) => f.Attributes?.GetOptionalValue(key)?.ToString();
            points.Add($"features[{i}]", p.X.ToString("R", CultureInfo.InvariantCulture), p.Y.ToString("R", CultureInfo.InvariantCulture),
                Prop("coordsys"), Prop("weight"), Prop("label") ?? Prop("name"), fallback, errors);
            if (points.Count > MaxPoints) { errors.Add(TooMany()); return null; }
        }
        return points.Build(errors);
    }

    private static FieldError TooMany() =>
        FieldError.Of("file", "too_many_points", $"点数超过上限 {MaxPoints:N0}", $"more than {MaxPoints:N0} points");

    private sealed class Builder
    {
        private readonly List<double> _lng = [], _lat = [], _weight = [];
        private readonly List<string?> _labels = [];
        public int Count => _lng.Count;

        public void Add(string where, string? lngText, string? latText, string? sysText, string? weightText, string? label, CoordSys fallback, List<FieldError> errors)
        {
            var sys = fallback;
            if (!string.IsNullOrWhiteSpace(sysText) && (!CoordSysNames.TryParse(sysText, out sys) || sys == CoordSys.Bd09Mc))
            {
                errors.Add(FieldError.Of($"{where}: coordsys", "invalid_coordsys", $"{where} 坐标系无效：'{sysText}'", $"{where}: invalid coordsys '{sysText}'"));
                return;
            }
            var parsed = CoordinateParser.ParsePoint(lngText, latText, requireChina: false);
            if (!parsed.Ok)
            {
                errors.Add(new FieldError($"{where}: lng/lat", parsed.Error!.Code, $"{where}: {parsed.Error.Message}"));
                return;
            }
            var weight = 1.0;
            if (!string.IsNullOrWhiteSpace(weightText) &&
                (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || weight is < 0 or > MaxWeight || !double.IsFinite(weight)))
            {
                errors.Add(FieldError.Of($"{where}: weight", "invalid_weight", $"{where} 权重须为 0 到 {MaxWeight:0e0} 之间的数：'{weightText}'",
                    $"{where}: weight must be a number from 0 to {MaxWeight:0e0}: '{weightText}'"));
                return;
            }
            var wgs = parsed.Value.In(sys).ToWgs84();
            _lng.Add(wgs.Lng); _lat.Add(wgs.Lat); _weight.Add(weight); _labels.Add(label);
        }

        public DemandSet? Build(List<FieldError> errors)
        {
            if (errors.Count > 0) return null;
            if (Count == 0)
            {
                errors.Add(FieldError.Of("file", "empty", "文件中没有点", "the file has no points"));
                return null;
            }
            return new DemandSet { Lng = [.. _lng], Lat = [.. _lat], Weight = [.. _weight], Labels = [.. _labels] };
        }
    }
}
