using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StationMap.Feeds.Profiles;

namespace StationMap.Feeds.Writers;

/// <summary>One RFC 7946 Feature per row (WGS-84 [lng, lat]); profile columns become properties.</summary>
/// <param name="shown">The row's cells in this file, in order (<paramref name="headers"/> names them).</param>
internal sealed class GeoJsonFeatures(FeedProfile profile, string[] headers, int[] shown)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public string Render(FeedItem item)
    {
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", item.Row.Code);
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(Math.Round(item.Row.Lng, profile.Decimals));
            w.WriteNumberValue(Math.Round(item.Row.Lat, profile.Decimals));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            for (var j = 0; j < shown.Length; j++)
            {
                var i = shown[j];
                if (item.Row.Cells[i] is double d) w.WriteNumber(headers[j], d);
                else w.WriteString(headers[j], profile.Columns[i].Filled(item.Change) ? (string)item.Row.Cells[i] : "");
            }
            if (item.Change is { } change) w.WriteString(profile.ChangeHeader, profile.ChangeValues[change.Wire()]);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
