using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StationMap.Api.Nearby;
using StationMap.Geo;
using StationMap.Hours;
using StationMap.Nearby;
using StationMap.Stations;

namespace StationMap.IntegrationTests.Nearby;

/// <summary>The hand-written response writer against the serializer on the response records: same bytes.</summary>
public class NearestJsonTests
{
    private static readonly JsonSerializerOptions AppJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData(CoordSys.Wgs84, CoordSys.Wgs84, false)]
    [InlineData(CoordSys.Gcj02, CoordSys.Gcj02, true)]
    [InlineData(CoordSys.Bd09, CoordSys.Wgs84, false)]
    [InlineData(CoordSys.Wgs84, CoordSys.Bd09, true)]
    public void Writes_exactly_what_the_serializer_writes_for_the_response_records(CoordSys input, CoordSys output, bool openNow)
    {
        var rng = new Random(9);
        var hours = new[] { "24/7", "Mo-Fr 08:00-18:00", "Mo-Su 22:00-06:00", null };
        var stations = Enumerable.Range(0, 400).Select(i =>
        {
            var text = hours[i % hours.Length];
            return new NearbyStation(i, $"BJ110101-{i:D6}", i % 7 == 0 ? $"站 \"{i}\" & <b>\\ 😀" : $"邮爱驿站（东路{i}支局）", $"北京市东城区景山东路{i}号",
                116.35 + rng.NextDouble() * 0.1, 39.88 + rng.NextDouble() * 0.1, (StationType)(i % 3),
                ServiceMask.SharedCodes(rng.Next(1 << 12)), text, text is null ? null : OpeningHours.Parse(text), i % 5 == 0 ? null : $"010-{i:D8}");
        }).ToList();
        stations.Add(stations[0] with { Id = 1000, Code = "BAD-HOURS", OpeningHoursText = "whenever", Hours = null });
        var index = new NearbyIndex(stations);

        for (var q = 0; q < 20; q++)
        {
            var origin = Coordinate.Wgs84(116.35 + rng.NextDouble() * 0.1, 39.88 + rng.NextDouble() * 0.1).To(input);
            var wgs = origin.To(CoordSys.Wgs84);
            var request = new NearestRequest(wgs.Lng, wgs.Lat, rng.Next(1, 51), null, [], null, openNow,
                new DateTimeOffset(2026, 11, 25, rng.Next(24), rng.Next(60), 0, TimeSpan.FromHours(rng.Next(2) == 0 ? 8 : 0)));
            var hits = index.Search(request);

            var expected = JsonSerializer.Serialize(NearestResponse.From(hits, request, origin, output, "index"), AppJson);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, NearestJson.Options))
                NearestJson.Write(writer, hits, request, origin, output, "index");
            Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }
}
