using System.Net;
using System.Text.Json;
using StationMap.Auth;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Coverage;

/// <summary>
/// A weight layer reaches the critical stations, siting and the report workbook, not only the shares. Hand-computable:
/// a strip with no real station near, station A well inside (its whole 1 km disc, π km²) and B on the east edge
/// (half a disc) under 100 workers/km², 1 elsewhere: by area A matters most, by workers B does.
/// </summary>
public class CoverageWeightLayerTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    private const double A = 100.02, B = 100.10, Lat = 40.015, HalfDiscKm2 = Math.PI / 2;

    private static double[][] Box(double w, double s, double e, double n) => [[w, s], [e, s], [e, n], [w, n], [w, s]];

    private static object Feature(double[][] ring, double weight) =>
        new { type = "Feature", properties = new { weight }, geometry = new { type = "Polygon", coordinates = new[] { ring } } };

    private static readonly object Region = new { type = "Polygon", coordinates = new[] { Box(100.00, 40.00, 100.10, 40.03) } };
    private static readonly object Layer = new
    {
        type = "FeatureCollection",
        features = new[] { Feature(Box(100.08, 39.99, 100.12, 40.04), 100), Feature(Box(99.9, 39.9, 100.2, 40.1), 1) },
    };
    private static readonly object[] Stations = [new { lng = A, lat = Lat, label = "A" }, new { lng = B, lat = Lat, label = "B" }];

    [Fact]
    public async Task A_weight_layer_makes_the_station_in_the_heavy_polygon_the_critical_one()
    {
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        async Task<JsonElement> Critical(object? weights)
        {
            var response = await client.PostJsonAsync("/api/v1/coverage", new { region = Region, coordsys = "wgs84", cell = 100, added = Stations, weights });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("region").GetProperty("critical");
        }

        var byArea = await Critical(null);
        Assert.Equal(["A", "B"], byArea.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.InRange(byArea[0].GetProperty("loss1").GetDouble() / 1e6, 2 * HalfDiscKm2 * 0.97, 2 * HalfDiscKm2 * 1.03);

        var weighted = await Critical(Layer);
        Assert.Equal(["B", "A"], weighted.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.InRange(weighted[0].GetProperty("loss1").GetDouble(), 101 * HalfDiscKm2 * 0.95, 101 * HalfDiscKm2 * 1.05);
        Assert.InRange(weighted[1].GetProperty("loss1").GetDouble(), 2 * HalfDiscKm2 * 0.97, 2 * HalfDiscKm2 * 1.03);
    }

    [Fact]
    public async Task Siting_with_a_weight_layer_picks_the_site_in_the_heavy_polygon_first()
    {
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        async Task<JsonElement> Run(object? weights)
        {
            var response = await client.PostJsonAsync("/api/v1/coverage/siting",
                new { region = Region, coordsys = "wgs84", cell = 100, k = 2, candidates = Stations, weights });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.JsonAsync();
        }

        var byArea = await Run(null);
        Assert.Equal("A", byArea.GetProperty("picks")[0].GetProperty("label").GetString());

        var weighted = await Run(Layer);
        var picks = weighted.GetProperty("picks");
        Assert.Equal(["B", "A"], picks.EnumerateArray().Select(p => p.GetProperty("label").GetString()));
        Assert.InRange(picks[0].GetProperty("gain").GetDouble(), 101 * HalfDiscKm2 * 0.95, 101 * HalfDiscKm2 * 1.05);
        // The curve is in shares of the layer's weight: after B, 101 · π/2 ≈ 158.7 of 100 × 5.68 km² (1.705 × 3.330 km) + 1 × 28.39 km² ≈ 596.4.
        Assert.InRange(picks[0].GetProperty("covered1").GetDouble(), 0.25, 0.28);

        var bad = await client.PostJsonAsync("/api/v1/coverage/siting", new { region = Region, k = 1, weights = new { type = "FeatureCollection", features = Array.Empty<object>() } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("weights", out _));
    }

    [Fact]
    public async Task The_report_workbook_of_a_post_with_a_layer_shows_weighted_shares_beside_the_shares_by_area()
    {
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        var body = new { region = Region, regionName = "strip", coordsys = "wgs84", cell = 100, added = Stations, weights = Layer };
        var json = await (await client.PostJsonAsync("/api/v1/coverage", body)).JsonAsync();
        var region = json.GetProperty("region");

        var response = await client.PostJsonAsync("/api/v1/coverage?format=xlsx", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        var summary = Workbooks.Rows(xlsx, "汇总 summary").First();

        Assert.Equal(region.GetProperty("byArea").GetProperty("covered1").GetDouble(), Number(summary["≥1 覆盖率 covered1"]), 5);
        Assert.Equal(region.GetProperty("covered1").GetDouble(), Number(summary["≥1 加权覆盖率 covered1 weighted"]), 5);
        Assert.Equal(region.GetProperty("weight").GetDouble(), Number(summary["权重合计 weight"]), 2);
        // Workers sit mostly by B: the weighted ≥1 share (≈ 161.8 / 596.4) is above the share of area (≈ 4.71 / 28.39 km²).
        Assert.InRange(Number(summary["≥1 覆盖率 covered1"]), 0.15, 0.18);
        Assert.InRange(Number(summary["≥1 加权覆盖率 covered1 weighted"]), 0.26, 0.285);

        // The district sheet lists B first, its loss in workers.
        var sheet = Workbooks.SheetNames(xlsx).Single(n => n != "汇总 summary");
        var first = Workbooks.Rows(xlsx, sheet).Skip(1).First();
        Assert.EndsWith("B", first["名称 name"]?.ToString());
        Assert.InRange(Number(first["0 覆盖权重 gap0 weight"]), 101 * HalfDiscKm2 * 0.95, 101 * HalfDiscKm2 * 1.05);

        // Without a layer the workbook has no weighted columns.
        var plainBody = new { region = Region, regionName = "strip", coordsys = "wgs84", cell = 100, added = Stations };
        var plain = await (await client.PostJsonAsync("/api/v1/coverage?format=xlsx", plainBody)).Content.ReadAsByteArrayAsync();
        var plainSummary = Workbooks.Rows(plain, "汇总 summary").First();
        Assert.False(plainSummary.ContainsKey("≥1 加权覆盖率 covered1 weighted"));
        Assert.Equal(Number(summary["≥1 覆盖率 covered1"]), Number(plainSummary["≥1 覆盖率 covered1"]), 5);
    }

    private static double Number(string? cell) => double.Parse(cell!, System.Globalization.CultureInfo.InvariantCulture);
}
