using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using StationMap.Api.Stations;
using StationMap.Common;
using StationMap.Coverage.Boundaries;
using StationMap.Coverage.Grid;
using StationMap.Divisions;

namespace StationMap.Api.Ogc;

/// <summary>
/// The shipped district boundaries (data/boundaries, WGS-84) as CRS84 polygons, read from memory: the data is static
/// per build and public, so every viewer sees the same features.
/// </summary>
internal sealed class DistrictsCollection : OgcCollection
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lazy<IReadOnlyList<DistrictFeature>> _features = new(Build);

    public override string Id => "districts";
    public override string Title => "区县边界 / District boundaries";
    public override string Description => "主要城市市辖区边界（GB/T 2260 代码），WGS-84 / urban district outlines of the main cities with their GB/T 2260 codes, WGS-84";
    public override IReadOnlyList<string> FilterParameters { get; } = ["adcode"];

    /// <summary>adcode: a code prefix of 1–6 digits, as on the stations collection (a city/province code means its districts).</summary>
    public override object? ParseFilters(IQueryCollection query, List<FieldError> errors)
    {
        var text = query["adcode"].ToString().Trim();
        if (text.Length == 0) return null;
        if (text.Length <= 6 && text.All(char.IsAsciiDigit)) return text.Length == 6 ? Orgs.AdcodeScope.Prefix(text) : text;
        errors.Add(FieldError.Of("adcode", "invalid_parameter", $"adcode 须为1到6位数字：'{text}'", $"adcode must be 1 to 6 digits: '{text}'"));
        return null;
    }

    public override Task<double[]?> ExtentAsync(StationReader viewer, CancellationToken ct)
    {
        var all = _features.Value;
        if (all.Count == 0) return Task.FromResult<double[]?>(null);
        var env = new Envelope();
        foreach (var f in all) env.ExpandToInclude(f.Envelope);
        return Task.FromResult<double[]?>([env.MinX, env.MinY, env.MaxX, env.MaxY]);
    }

    public override Task<FeaturePage> ItemsAsync(ItemsRequest request, StationReader viewer, CancellationToken ct)
    {
        IEnumerable<DistrictFeature> matched = _features.Value;
        if (request.Filters is string prefix) matched = matched.Where(f => f.Adcode.StartsWith(prefix, StringComparison.Ordinal));
        if (request.Bbox is var (minLng, minLat, maxLng, maxLat))
        {
            // Features whose outline meets the box (edges included), as OGC API – Features defines bbox.
            var box = new Envelope(minLng, maxLng, minLat, maxLat);
            var boxGeometry = Factory.ToGeometry(box);
            matched = matched.Where(f => f.Envelope.Intersects(box) && f.Outline.Intersects(boxGeometry));
        }
        var list = matched.ToList();
        var page = list.Skip(request.Offset).Take(request.Limit).ToList();
        var json = new StringBuilder("[");
        for (var i = 0; i < page.Count; i++) json.Append(i == 0 ? "" : ",").Append(page[i].Json);
        json.Append(']');
        return Task.FromResult(new FeaturePage(list.Count, page.Count, Encoding.UTF8.GetBytes(json.ToString())));
    }

    public override Task<string?> ItemAsync(string id, StationReader viewer, CancellationToken ct) =>
        Task.FromResult(_features.Value.FirstOrDefault(f => f.Adcode == id)?.Json);

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private sealed record DistrictFeature(string Adcode, Geometry Outline, Envelope Envelope, string Json);

    private static IReadOnlyList<DistrictFeature> Build()
    {
        var divisions = AdministrativeDivisions.LoadDefault();
        return [.. DistrictBoundaries.LoadDefault().All.Select(d => new DistrictFeature(d.Adcode, d.Outline, d.Outline.EnvelopeInternal, FeatureJson(d, divisions)))];
    }

    private static string FeatureJson(DistrictBoundary d, AdministrativeDivisions divisions)
    {
        var division = divisions.Find(d.Adcode);
        var parent = division?.ParentCode is { } pc ? divisions.Find(pc) : null;
        var province = divisions.ProvinceName(d.Adcode);
        // Municipalities (北京, 上海 …) have no prefecture level: the city is the province itself.
        var city = parent?.Level == DivisionLevel.City ? parent.Name : province;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", d.Adcode);
            w.WritePropertyName("geometry");
            JsonSerializer.Serialize(w, d.Outline, DistrictBoundaries.GeoJsonOptions);
            w.WriteStartObject("properties");
            w.WriteString("adcode", d.Adcode);
            w.WriteString("name", d.Name);
            w.WriteString("province", province);
            w.WriteString("city", city);
            w.WriteNumber("areaKm2", d.Outline.IsEmpty ? 0 : Math.Round(HexGrid.RegionArea(d.Outline) / 1e6, 2));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
