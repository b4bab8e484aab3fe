using System.IO.Compression;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using StationMap.Orgs;

namespace StationMap.Coverage.Boundaries;

/// <summary>
/// The district outlines shipped in data/boundaries/districts.geojson.gz (WGS-84, see docs/coverage.md for the
/// source and its GCJ-02 → WGS-84 conversion). Embedded in this assembly so a published binary needs no path.
/// </summary>
public sealed class DistrictBoundaries
{
    public const string ResourceName = "StationMap.Coverage.districts.geojson.gz";
    private static readonly Lazy<DistrictBoundaries> Default = new(() =>
    {
        using var stream = typeof(DistrictBoundaries).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Read(stream);
    });

    private readonly SortedDictionary<string, DistrictBoundary> _byCode;

    public DistrictBoundaries(IEnumerable<DistrictBoundary> districts) =>
        _byCode = new SortedDictionary<string, DistrictBoundary>(districts.ToDictionary(d => d.Adcode), StringComparer.Ordinal);

    public static DistrictBoundaries LoadDefault() => Default.Value;

    public IReadOnlyCollection<DistrictBoundary> All => _byCode.Values;

    public DistrictBoundary? Find(string adcode) => _byCode.GetValueOrDefault(adcode);

    /// <summary>
    /// Every district with an outline inside an area code (110000 → Beijing's 16, 110108 → 海淀区), in code order.
    /// A district whose outline is empty in the source has no cells to analyse and is left out.
    /// </summary>
    public IReadOnlyList<DistrictBoundary> Within(string adcode)
    {
        var prefix = AdcodeScope.Prefix(adcode);
        return [.. _byCode.Values.Where(d => d.Adcode.StartsWith(prefix, StringComparison.Ordinal) && !d.Outline.IsEmpty)];
    }

    public static JsonSerializerOptions GeoJsonOptions { get; } = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Reads a gzip-compressed FeatureCollection with <c>adcode</c> and <c>name</c> properties.</summary>
    public static DistrictBoundaries Read(Stream gzip)
    {
        using var unzip = new GZipStream(gzip, CompressionMode.Decompress);
        var collection = JsonSerializer.Deserialize<FeatureCollection>(unzip, GeoJsonOptions)
            ?? throw new InvalidDataException("empty boundary file");
        return new DistrictBoundaries(collection.Select(f => new DistrictBoundary(
            (string)f.Attributes["adcode"], (string)f.Attributes["name"], f.Geometry)));
    }

    public static void Write(Stream output, IEnumerable<DistrictBoundary> districts)
    {
        var collection = new FeatureCollection();
        foreach (var d in districts)
            collection.Add(new Feature(d.Outline, new AttributesTable { { "adcode", d.Adcode }, { "name", d.Name } }));
        using var zip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        JsonSerializer.Serialize(zip, collection, GeoJsonOptions);
    }
}
