using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Spectre.Console;
using StationMap.Auth;
using StationMap.Cli.Coverage;
using StationMap.Data;
using StationMap.IntegrationTests.Infrastructure;

namespace StationMap.IntegrationTests.Cli;

/// <summary>
/// `stationmap coverage` and `siting` with `--weights`, `--region` and `--coordsys` against the API on the same seeded
/// database and the same files: the same weighted shares, the same sites, the same error texts naming the file.
/// </summary>
public sealed class CliCoverageTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stationmap-cli-coverage-").FullName;

    private static double[][] Box(double w, double s, double e, double n) => [[w, s], [e, s], [e, n], [w, n], [w, s]];

    private static object Feature(double[][] ring, object weight) =>
        new { type = "Feature", properties = new { weight }, geometry = new { type = "Polygon", coordinates = new[] { ring } } };

    /// <summary>Workers crowd the north-east of 海淀 (500/km²), 1/km² elsewhere: the weighted shares leave the shares by area.</summary>
    private static readonly object HaidianLayer = new
    {
        type = "FeatureCollection",
        features = new[] { Feature(Box(116.28, 39.98, 116.36, 40.05), 500), Feature(Box(115.9, 39.8, 116.6, 40.3), 1) },
    };

    /// <summary>A strip at 100° E with no station near; 100 workers/km² over its east end.</summary>
    private static readonly double[][] Strip = Box(100.00, 40.00, 100.10, 40.03);
    private static readonly object StripLayer = new
    {
        type = "FeatureCollection",
        features = new[] { Feature(Box(100.08, 39.99, 100.12, 40.04), 100), Feature(Box(99.9, 39.9, 100.2, 40.1), 1) },
    };

    [Fact]
    public async Task A_weights_file_gives_the_weighted_shares_the_api_gives_for_the_same_layer()
    {
        var layer = Write("workers.geojson", HaidianLayer);
        var (code, output) = await Cli("coverage", "--adcode", "110108", "--cell", "500", "--weights", layer, "--out", Path.Combine(_dir, "out"));
        Assert.True(code == 0, output);

        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        var response = await client.PostJsonAsync("/api/v1/coverage", new { adcode = "110108", cell = 500, weights = HaidianLayer });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var region = (await response.JsonAsync()).GetProperty("region");

        var summary = Workbooks.Rows(File.ReadAllBytes(Path.Combine(_dir, "out", "coverage-110108.xlsx")), "汇总 summary").First();
        Assert.Equal(region.GetProperty("covered1").GetDouble(), Number(summary["≥1 加权覆盖率 covered1 weighted"]), 1e-5);
        Assert.Equal(region.GetProperty("covered2").GetDouble(), Number(summary["≥2 加权覆盖率 covered2 weighted"]), 1e-5);
        Assert.Equal(region.GetProperty("weight").GetDouble(), Number(summary["权重合计 weight"]), 1e-3);
        Assert.Equal(region.GetProperty("byArea").GetProperty("covered1").GetDouble(), Number(summary["≥1 覆盖率 covered1"]), 1e-5);
        // The layer matters: the weighted ≥1 share is not the share by area.
        Assert.True(Math.Abs(region.GetProperty("covered1").GetDouble() - region.GetProperty("byArea").GetProperty("covered1").GetDouble()) > 0.005);
        Assert.Contains("weight, ≥1 w, ≥2 w: 按权重图层 / by the weight layer", output);
    }

    [Fact]
    public async Task Siting_with_a_region_file_and_a_weights_file_picks_the_sites_the_api_picks()
    {
        // GCJ-02 files, as a planner's Amap export would be; --coordsys applies to both.
        var regionFile = Write("strip.geojson", new { type = "FeatureCollection", features = new[] { Feature(Strip, 0) } });
        var layerFile = Write("workers.geojson", StripLayer);
        var client = await api.StaffAsync(StaffRole.Viewer, "110108");

        async Task<(string[] Csv, JsonElement Api)> Run(bool weighted)
        {
            var args = new List<string> { "siting", "--region", regionFile, "--coordsys", "gcj02", "--cell", "200", "--k", "3", "--out", Path.Combine(_dir, weighted ? "w" : "a") };
            if (weighted) args.AddRange(["--weights", layerFile]);
            var (code, output) = await Cli([.. args]);
            Assert.True(code == 0, output);
            var csv = File.ReadAllLines(Path.Combine(_dir, weighted ? "w" : "a", "siting-strip.csv"));
            var response = await client.PostJsonAsync("/api/v1/coverage/siting", new
            {
                region = new { type = "Polygon", coordinates = new[] { Strip } }, coordsys = "gcj02", outCoordsys = "wgs84", cell = 200, k = 3,
                weights = weighted ? StripLayer : null,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (csv, await response.JsonAsync());
        }

        var (byArea, apiByArea) = await Run(false);
        var (byWorkers, apiByWorkers) = await Run(true);
        Assert.Equal("rank,lng,lat,coordsys,label,gain_m2,covered1,covered2", byArea[0]);
        Assert.Equal("rank,lng,lat,coordsys,label,gain_weight,covered1,covered2", byWorkers[0]);
        SamePicks(byArea, apiByArea, gainTolerance: 0.5);
        SamePicks(byWorkers, apiByWorkers, gainTolerance: 1e-3);

        // The layer moves the first site into the crowded east end (lng ≥ 100.08 in GCJ-02, ≈ 100.077 in WGS-84, minus a cell).
        var first = Fields(byWorkers[1]);
        Assert.True(Number(first[1]) > 100.07, byWorkers[1]);
        Assert.NotEqual(Fields(byArea[1])[1], first[1]);
    }

    [Fact]
    public async Task A_kml_region_file_gives_the_figures_the_api_gives_for_the_same_file()
    {
        const string kml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>五道口</name><Placemark><name>五道口一带</name>
            <Polygon><outerBoundaryIs><LinearRing><coordinates>116.30,39.96 116.36,39.96 116.36,40.01 116.30,40.01</coordinates></LinearRing></outerBoundaryIs></Polygon>
            </Placemark></Document></kml>
            """;
        var file = Path.Combine(_dir, "wudaokou.kml");
        File.WriteAllText(file, kml);
        var (code, output) = await Cli("coverage", "--region", file, "--coordsys", "gcj02", "--cell", "200", "--out", Path.Combine(_dir, "kml"));
        Assert.True(code == 0, output);
        Assert.Contains("五道口一带", output);

        var client = await api.StaffAsync(StaffRole.Viewer, "110108");
        var response = await client.PostJsonAsync("/api/v1/coverage", new { regionKml = kml, regionFile = "wudaokou.kml", coordsys = "gcj02", cell = 200 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var region = (await response.JsonAsync()).GetProperty("region");
        var summary = Workbooks.Rows(File.ReadAllBytes(Path.Combine(_dir, "kml", "coverage-wudaokou.xlsx")), "汇总 summary").First();
        Assert.Equal(region.GetProperty("area").GetDouble(), Number(summary["面积 m² area"]), 0.5);
        Assert.Equal(region.GetProperty("covered1").GetDouble(), Number(summary["≥1 覆盖率 covered1"]), 1e-5);
        Assert.Equal(region.GetProperty("covered2").GetDouble(), Number(summary["≥2 覆盖率 covered2"]), 1e-5);
        Assert.Equal(region.GetProperty("cells").GetInt32(), int.Parse(summary["格子数 cells"]!, CultureInfo.InvariantCulture));
        Assert.True(region.GetProperty("covered1").GetDouble() > 0, "the sample stations cover part of 五道口");
    }

    [Fact]
    public async Task A_bad_weights_file_fails_naming_the_file_and_the_features_and_writes_nothing()
    {
        var bad = Write("bad-weights.geojson", new
        {
            type = "FeatureCollection",
            features = new object[]
            {
                Feature(Box(116.30, 39.96, 116.36, 40.01), "many"),
                new { type = "Feature", properties = new { weight = 3 }, geometry = new { type = "Point", coordinates = new[] { 116.3, 39.97 } } },
            },
        });
        var outDir = Path.Combine(_dir, "never");
        foreach (var command in new[] { "coverage", "siting" })
        {
            var (code, output) = await Cli(command, "--adcode", "110108", "--cell", "500", "--weights", bad, "--out", outDir);
            Assert.NotEqual(0, code);
            var text = output;
            Assert.Contains("bad-weights.geojson: weights.features[0].properties.weight 须为 0 到 1e9 之间的数（每平方公里）", text);
            Assert.Contains("weights.features[0].properties.weight must be a number from 0 to 1e9 (per km²)", text);
            Assert.Contains("bad-weights.geojson: weights.features[1] 须为 Polygon 或 MultiPolygon（经度,纬度）", text);
            Assert.Contains("weights.features[1] must be a Polygon or MultiPolygon (lng,lat)", text);
        }
        Assert.False(Directory.Exists(outDir));

        var points = Write("points.geojson", new { type = "Feature", properties = new { }, geometry = new { type = "Point", coordinates = new[] { 116.3, 39.97 } } });
        var (regionCode, regionOutput) = await Cli("coverage", "--region", points, "--out", outDir);
        Assert.NotEqual(0, regionCode);
        Assert.Contains("region (points.geojson)", regionOutput);
        Assert.False(Directory.Exists(outDir));
    }

    private static void SamePicks(string[] csv, JsonElement api, double gainTolerance)
    {
        var picks = api.GetProperty("picks");
        Assert.Equal(picks.GetArrayLength(), csv.Length - 1);
        for (var i = 0; i < picks.GetArrayLength(); i++)
        {
            var row = Fields(csv[i + 1]);
            Assert.Equal(picks[i].GetProperty("lng").GetDouble(), Number(row[1]), 2e-7);
            Assert.Equal(picks[i].GetProperty("lat").GetDouble(), Number(row[2]), 2e-7);
            Assert.Equal(picks[i].GetProperty("gain").GetDouble(), Number(row[5]), gainTolerance);
            Assert.Equal(picks[i].GetProperty("covered1").GetDouble(), Number(row[6]), 1e-6);
            Assert.Equal(picks[i].GetProperty("covered2").GetDouble(), Number(row[7]), 1e-6);
        }
    }

    // An operator whose region file collapses to a line expects the CLI to name the file and say it has no area, as the API does, not a crash.
    [Fact]
    public async Task A_region_file_that_encloses_no_area_fails_naming_the_file_and_writes_nothing()
    {
        var line = Write("line.geojson", new { type = "Polygon", coordinates = new[] { new[] { new[] { 100.0, 40.0 }, [100.1, 40.0], [100.2, 40.0], [100.0, 40.0] } } });
        var outDir = Path.Combine(_dir, "never-line");
        var (code, output) = await Cli("coverage", "--region", line, "--out", outDir);
        Assert.NotEqual(0, code);
        Assert.Contains("line.geojson: region 的多边形没有面积", output);
        Assert.Contains("region encloses no area", output);
        Assert.False(Directory.Exists(outDir));
    }

    private static string[] Fields(string line) => line.Split(',');

    private string Write(string name, object json)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, JsonSerializer.Serialize(json));
        return path;
    }

    /// <summary>Runs a CLI command against the fixture's database, its console output captured.</summary>
    private async Task<(int Code, string Output)> Cli(params string[] args)
    {
        var writer = new StringWriter();
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        AnsiConsole.Console.Profile.Width = 1000; // one error per line, unwrapped
        try
        {
            var root = new RootCommand
            {
                CoverageCommand.Create(() => StationMapDataSource.Create(api.ConnectionString)),
                SitingCommand.Create(() => StationMapDataSource.Create(api.ConnectionString)),
            };
            var code = await root.Parse(args).InvokeAsync();
            return (code, writer.ToString());
        }
        finally { AnsiConsole.Console = previous; }
    }

    private static double Number(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
