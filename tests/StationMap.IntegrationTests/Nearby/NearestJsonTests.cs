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
    [Fact]
    public void A_new_index_gets_new_templates_so_a_renamed_station_is_never_served_under_its_old_name()
    {
        var station = new NearbyStation(1, "BJ-1", "旧名字", "北京市东城区", 116.4, 39.9, StationType.Standard, [], "24/7", OpeningHours.Parse("24/7"), null);
        var cache = new StationJsonCache(1 << 20);
        var request = new NearestRequest(116.4, 39.9, 1, null, [], null, false, DateTimeOffset.UnixEpoch);
        string Render(NearbyIndex index)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, NearestJson.Options))
                NearestJson.Write(writer, index.Search(request), request, Coordinate.Wgs84(116.4, 39.9), CoordSys.Wgs84, "index", cache);
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        Assert.Contains("旧名字", Render(new NearbyIndex([station])));
        var renamed = Render(new NearbyIndex([station with { Name = "新名字" }]));
        Assert.Contains("新名字", renamed);
        Assert.DoesNotContain("旧名字", renamed);
    }

    private static readonly JsonSerializerOptions AppJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData(CoordSys.Wgs84, CoordSys.Wgs84, false, 67_108_864)]
    [InlineData(CoordSys.Gcj02, CoordSys.Gcj02, true, 67_108_864)]
    [InlineData(CoordSys.Bd09, CoordSys.Wgs84, false, 67_108_864)]
    [InlineData(CoordSys.Wgs84, CoordSys.Bd09, true, 67_108_864)]
    [InlineData(CoordSys.Gcj02, CoordSys.Bd09, true, 0)] // nothing kept: every result made from scratch
    [InlineData(CoordSys.Bd09, CoordSys.Gcj02, false, 20_000)] // the budget runs out part-way
    public void Writes_exactly_what_the_serializer_writes_for_the_response_records(CoordSys input, CoordSys output, bool openNow, long cacheBytes)
    {
        // Each query runs twice: the second time every result comes from a kept template (within the budget).
        var cache = new StationJsonCache(cacheBytes);
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
            for (var pass = 0; pass < 2; pass++)
            {
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer, NearestJson.Options))
                    NearestJson.Write(writer, hits, request, origin, output, "index", cache);
                Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
        }
    }
}
