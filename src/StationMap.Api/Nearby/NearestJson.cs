using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using StationMap.Geo;
using StationMap.Hours;
using StationMap.Nearby;
using StationMap.Stations;

namespace StationMap.Api.Nearby;

/// <summary>
/// Writes the <see cref="NearestResponse"/> shape directly with a <see cref="Utf8JsonWriter"/>, byte for byte
/// what the serializer would write. Each result comes from its station's <see cref="StationJsonTemplate"/>
/// (kept in <see cref="StationJsonCache"/>) with this request's distance, location, openNow and link origins filled in.
/// </summary>
internal static class NearestJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // as the app's HTTP JSON options
        SkipValidation = true,
    };

    internal static readonly JsonEncodedText Query = Name("query"), Lng = Name("lng"), Lat = Name("lat"), Coordsys = Name("coordsys"),
        At = Name("at"), Path = Name("path"), Estimate = Name("estimate"), Results = Name("results"), Code = Name("code"),
        StationName = Name("name"), Address = Name("address"), DistanceM = Name("distanceM"), WalkMinutes = Name("walkMinutes"),
        EbikeMinutes = Name("ebikeMinutes"), Location = Name("location"), Services = Name("services"), Type = Name("type"),
        OpeningHours = Name("openingHours"), OpenNow = Name("openNow"), Phone = Name("phone"), Navigation = Name("navigation");

    internal static readonly WalkingLink[] Links = Enum.GetValues<WalkingLink>();
    internal static readonly JsonEncodedText[] LinkNames = [Name("amapApp"), Name("amapWeb"), Name("baiduApp"), Name("baiduWeb")];

    private static readonly JsonEncodedText EstimateNote = JsonEncodedText.Encode(NearestResponse.EstimateNote, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    internal static readonly JsonEncodedText[] TypeNames =
        [.. Enum.GetValues<StationType>().Select(t => JsonEncodedText.Encode(EnumNames.Wire(t)))];

    [ThreadStatic] private static byte[]? _result;

    public static void Write(Utf8JsonWriter w, IReadOnlyList<NearestHit> hits, NearestRequest request, Coordinate origin, CoordSys output,
        string path, StationJsonCache cache)
    {
        w.WriteStartObject();
        w.WriteStartObject(Query);
        w.WriteNumber(Lng, origin.Lng);
        w.WriteNumber(Lat, origin.Lat);
        w.WriteString(Coordsys, origin.Sys.ToWire());
        w.WriteEndObject();
        w.WriteString(Coordsys, output.ToWire());
        w.WriteString(At, TimeZoneInfo.ConvertTime(request.At, ShanghaiTime.Zone));
        w.WriteString(Path, path);
        w.WriteString(Estimate, EstimateNote);
        w.WriteStartArray(Results);
        if (hits.Count > 0)
        {
            var parts = StationJsonTemplate.RequestParts.For(origin, output, request.Filter.ShanghaiAt);
            // Only the index's table lives on; the SQL path's rows are new each time, so their templates are not kept.
            var kept = path == NearestSearch.IndexPath ? cache.For(hits[0].Station.Table) : null;
            foreach (var hit in hits)
            {
                var template = kept?.Get(hit.Station) ?? StationJsonTemplate.Scratch(hit.Station);
                var needed = template.MaxLength(parts);
                var result = _result is { } r && r.Length >= needed ? r : _result = new byte[Math.Max(4096, needed * 2)];
                w.WriteRawValue(result.AsSpan(0, template.Write(result, hit, parts)), skipInputValidation: true);
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The location object in the output system, rounded as StationMapping.Locate does.</summary>
    internal static void WriteLocationObject(Utf8JsonWriter w, double lng, double lat, CoordSys output)
    {
        var at = Coordinate.Wgs84(lng, lat).To(output);
        w.WriteStartObject();
        w.WriteNumber(Lng, Math.Round(at.Lng, 7));
        w.WriteNumber(Lat, Math.Round(at.Lat, 7));
        w.WriteString(Coordsys, output.ToWire());
        w.WriteEndObject();
    }

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name);
}
