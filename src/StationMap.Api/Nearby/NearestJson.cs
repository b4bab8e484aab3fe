using System.Text.Encodings.Web;
using System.Text.Json;
using StationMap.Geo;
using StationMap.Hours;
using StationMap.Nearby;
using StationMap.Stations;

namespace StationMap.Api.Nearby;

/// <summary>
/// Writes the <see cref="NearestResponse"/> shape directly with a <see cref="Utf8JsonWriter"/>, byte for byte
/// what the serializer would write: the station text goes from the index's UTF-8 arena into the output,
/// property names and fixed values are encoded once, links are assembled without strings.
/// </summary>
internal static class NearestJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // as the app's HTTP JSON options
        SkipValidation = true,
    };

    private static readonly JsonEncodedText Query = Name("query"), Lng = Name("lng"), Lat = Name("lat"), Coordsys = Name("coordsys"),
        At = Name("at"), Path = Name("path"), Estimate = Name("estimate"), Results = Name("results"), Code = Name("code"),
        StationName = Name("name"), Address = Name("address"), DistanceM = Name("distanceM"), WalkMinutes = Name("walkMinutes"),
        EbikeMinutes = Name("ebikeMinutes"), Location = Name("location"), Services = Name("services"), Type = Name("type"),
        OpeningHours = Name("openingHours"), OpenNow = Name("openNow"), Phone = Name("phone"), Navigation = Name("navigation"),
        AmapApp = Name("amapApp"), AmapWeb = Name("amapWeb"), BaiduApp = Name("baiduApp"), BaiduWeb = Name("baiduWeb");

    private static readonly JsonEncodedText EstimateNote = JsonEncodedText.Encode(NearestResponse.EstimateNote, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    private static readonly JsonEncodedText[] TypeNames =
        [.. Enum.GetValues<StationType>().Select(t => JsonEncodedText.Encode(EnumNames.Wire(t)))];

    public static void Write(Utf8JsonWriter w, IReadOnlyList<NearestHit> hits, NearestRequest request, Coordinate origin, CoordSys output, string path)
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
        var links = new WalkingLinkWriter(origin);
        var shanghaiAt = request.Filter.ShanghaiAt;
        foreach (var hit in hits) WriteResult(w, hit, output, shanghaiAt, links);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, NearestHit hit, CoordSys output, DateTime shanghaiAt, WalkingLinkWriter links)
    {
        var s = hit.Station;
        w.WriteStartObject();
        w.WriteString(Code, s.CodeUtf8);
        w.WriteString(StationName, s.NameUtf8);
        w.WriteString(Address, s.AddressUtf8);
        w.WriteNumber(DistanceM, (int)Math.Round(hit.DistanceM));
        w.WriteNumber(WalkMinutes, TravelTime.WalkMinutes(hit.DistanceM));
        w.WriteNumber(EbikeMinutes, TravelTime.EbikeMinutes(hit.DistanceM));
        var at = Coordinate.Wgs84(s.Lng, s.Lat).To(output); // rounded as StationMapping.Locate does
        w.WriteStartObject(Location);
        w.WriteNumber(Lng, Math.Round(at.Lng, 7));
        w.WriteNumber(Lat, Math.Round(at.Lat, 7));
        w.WriteString(Coordsys, output.ToWire());
        w.WriteEndObject();
        w.WritePropertyName(Services);
        w.WriteRawValue(ServiceMask.JsonArray(s.ServiceBits), skipInputValidation: true);
        w.WriteString(Type, TypeNames[(int)s.Type]);
        var hours = s.Table.Hours(s.Row);
        if (hours is null) w.WriteNull(OpeningHours); else w.WriteString(OpeningHours, hours.Utf8);
        if (hours?.Parsed is { } parsed) w.WriteBoolean(OpenNow, parsed.IsOpenAtShanghai(shanghaiAt)); else w.WriteNull(OpenNow);
        if (s.HasPhone) w.WriteString(Phone, s.PhoneUtf8); else w.WriteNull(Phone);
        links.To(s.Lng, s.Lat, s.NameUtf8);
        w.WriteStartObject(Navigation);
        w.WriteString(AmapApp, links.AmapApp());
        w.WriteString(AmapWeb, links.AmapWeb());
        w.WriteString(BaiduApp, links.BaiduApp());
        w.WriteString(BaiduWeb, links.BaiduWeb());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name);
}
