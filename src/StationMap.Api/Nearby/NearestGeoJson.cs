using System.Text.Json.Serialization;

namespace StationMap.Api.Nearby;

/// <summary>
/// The nearest answer as an RFC 7946 FeatureCollection: each feature's properties are the result as the JSON
/// form has it, made in WGS-84 (GeoJSON's only system) whatever output system was asked.
/// </summary>
internal sealed record NearestFeatureCollection(IReadOnlyList<NearestFeature> Features)
{
    public const string ContentType = "application/geo+json";

    [JsonPropertyOrder(-1)] public string Type => "FeatureCollection";

    public static NearestFeatureCollection From(NearestResponse wgs84) =>
        new([.. wgs84.Results.Select(r => new NearestFeature(new PointGeometry([r.Location.Lng, r.Location.Lat]), r))]);
}

internal sealed record NearestFeature(PointGeometry Geometry, NearestResult Properties)
{
    [JsonPropertyOrder(-1)] public string Type => "Feature";
}

internal sealed record PointGeometry(double[] Coordinates)
{
    [JsonPropertyOrder(-1)] public string Type => "Point";
}
