using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StationMap.Api.Nearby;

/// <summary>Serializers for the nearest answers, made at compile time (System.Text.Json source generation).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(NearestResponse))]
[JsonSerializable(typeof(NearestFeatureCollection))]
internal sealed partial class NearbyJsonContext : JsonSerializerContext
{
    /// <summary>Chinese text written as is, like the app's other JSON.</summary>
    public static NearbyJsonContext Web { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
