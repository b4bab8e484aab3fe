using System.Text.Json.Nodes;

namespace StationMap.Coverage.Boundaries;

/// <summary>
/// Some echarts map files are "UTF8Encoding": each ring is a string of zig-zag delta-encoded coordinates in
/// units of 1/1024° with "encodeOffsets" as the start. This rewrites them as plain GeoJSON coordinate arrays
/// (the same decoding echarts applies in the browser).
/// </summary>
internal static class EchartsDecoder
{
    public const string IdProperty = "echarts_id";

    public static void DecodeInPlace(JsonNode collection)
    {
        // The feature "id" member is not kept by the GeoJSON reader: carry it as a property.
        foreach (var f in collection["features"]!.AsArray())
            if (f!["id"] is { } id && f["properties"] is JsonObject props) props[IdProperty] = id.ToString();
        if (collection["UTF8Encoding"]?.GetValue<bool>() != true) return;
        foreach (var feature in collection["features"]!.AsArray())
        {
            var geometry = feature!["geometry"]!;
            var offsets = geometry["encodeOffsets"]!.AsArray();
            var coords = geometry["coordinates"]!.AsArray();
            var polygon = geometry["type"]!.GetValue<string>() == "Polygon";
            var decoded = new JsonArray();
            for (var p = 0; p < coords.Count; p++)
            {
                if (polygon) decoded.Add(DecodeRing(coords[p]!.GetValue<string>(), offsets[p]!.AsArray()));
                else
                {
                    var rings = new JsonArray();
                    var ringOffsets = offsets[p]!.AsArray();
                    var encoded = coords[p]!.AsArray();
                    for (var r = 0; r < encoded.Count; r++) rings.Add(DecodeRing(encoded[r]!.GetValue<string>(), ringOffsets[r]!.AsArray()));
                    decoded.Add(rings);
                }
            }
            geometry.AsObject().Remove("encodeOffsets");
            geometry["coordinates"] = decoded;
        }
    }

    private static JsonArray DecodeRing(string text, JsonArray offset)
    {
        int prevX = offset[0]!.GetValue<int>(), prevY = offset[1]!.GetValue<int>();
        var ring = new JsonArray();
        for (var i = 0; i + 1 < text.Length; i += 2)
        {
            int x = text[i] - 64, y = text[i + 1] - 64;
            x = (x >> 1) ^ -(x & 1);
            y = (y >> 1) ^ -(y & 1);
            prevX += x;
            prevY += y;
            ring.Add(new JsonArray(prevX / 1024.0, prevY / 1024.0));
        }
        return ring;
    }
}
