using System.CommandLine;
using StationMap.Common;
using StationMap.Coverage;
using StationMap.Coverage.Grid;
using StationMap.Coverage.Uploads;
using StationMap.Geo;

namespace StationMap.Cli.Coverage;

/// <summary>
/// `--region FILE` (GeoJSON or KML, instead of --adcode), `--weights FILE` (a weight layer) and `--coordsys` (of both
/// files) for `coverage` and `siting`. Read with the API's parsers (Core Coverage/Uploads), so the same file gives the
/// same region, the same layer and the same error texts as a POST; read before the database is opened.
/// </summary>
internal sealed class CoverageInputs
{
    public Option<FileInfo?> Region { get; } = new("--region")
    {
        Description = "区域文件 .geojson/.json 或 .kml（代替 --adcode）/ region file, GeoJSON or KML, instead of --adcode",
    };

    public Option<FileInfo?> Weights { get; } = new("--weights")
    {
        Description = "权重图层 GeoJSON（面要素，属性 weight 为每平方公里的值）/ weight layer: a FeatureCollection of polygons with a numeric weight per km²",
    };

    public Option<string> Coordsys { get; } = new("--coordsys")
    {
        Description = "--region 与 --weights 文件的坐标系 / coordinate system of the --region and --weights files: wgs84 | gcj02 | bd09",
        DefaultValueFactory = _ => "wgs84",
    };

    public IEnumerable<Option> All => [Region, Weights, Coordsys];

    /// <summary>The uploaded region (null: use --adcode) and the layer (null: weigh by area); a <see cref="CliException"/> naming the file otherwise.</summary>
    public (CoverageRegion? Region, IReadOnlyList<WeightPolygon>? Layer) Read(ParseResult p, string? adcode)
    {
        var text = p.GetValue(Coordsys);
        if (!CoordSysNames.TryParse(text, out var sys) || sys == CoordSys.Bd09Mc)
            throw new CliException($"--coordsys must be wgs84, gcj02 or bd09 / 坐标系无效: {text}");
        var regionFile = p.GetValue(Region);
        if (regionFile is null == string.IsNullOrEmpty(adcode))
            throw new CliException("give --adcode or --region FILE, one of the two / --adcode 与 --region 须给且只给一个");

        CoverageRegion? region = null;
        if (regionFile is not null)
            region = Parse(regionFile, (t, errors) => RegionFile.Read(t, regionFile.Name, sys, errors));
        IReadOnlyList<WeightPolygon>? layer = null;
        if (p.GetValue(Weights) is { } weightsFile)
            layer = Parse(weightsFile, (t, errors) => WeightLayer.Read(t, weightsFile.Name, sys, errors));
        return (region, layer);
    }

    /// <summary>The file name stem used in output file names for an uploaded region.</summary>
    public static string Stem(FileInfo file) => Path.GetFileNameWithoutExtension(file.Name);

    private static T Parse<T>(FileInfo file, Func<string, List<FieldError>, T?> parse) where T : class
    {
        if (!file.Exists) throw new CliException($"{file.FullName}: file not found / 文件不存在");
        var errors = new List<FieldError>();
        var result = parse(File.ReadAllText(file.FullName), errors);
        if (result is not null && errors.Count == 0) return result;
        throw new CliException(string.Join("\n", errors.Take(20).Select(e =>
            e.Message.Contains(file.Name, StringComparison.Ordinal) ? e.Message : $"{file.Name}: {e.Message}")));
    }
}
