using NetTopologySuite.Geometries;
using StationMap.Common;
using StationMap.Coverage;
using StationMap.Coverage.Uploads;
using StationMap.Geo;

namespace StationMap.Tests.Coverage;

/// <summary>The upload parsers the API and the CLI share (Core Coverage/Uploads): weight layers and region files.</summary>
public class UploadsTests
{
    private const string Square = "[[116.30,39.96],[116.36,39.96],[116.36,40.01],[116.30,40.01],[116.30,39.96]]";

    [Fact]
    public void A_weight_layer_names_each_bad_feature_and_field()
    {
        var text = $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"weight":"many"},"geometry":{"type":"Polygon","coordinates":[{{{Square}}}]}},
              {"type":"Feature","properties":{"weight":3},"geometry":{"type":"Point","coordinates":[116.3,39.97]}},
              {"type":"Feature","properties":{"weight":-1},"geometry":{"type":"Polygon","coordinates":[{{{Square}}}]}},
              {"type":"Feature","properties":{"weight":2},"geometry":{"type":"Polygon","coordinates":[{{{Square}}}]}}]}
            """;
        var errors = new List<FieldError>();
        WeightLayer.Read(text, "workers.geojson", CoordSys.Wgs84, errors);
        Assert.Equal(["weights.features[0].properties.weight", "weights.features[1]", "weights.features[2].properties.weight"], errors.Select(e => e.Field));
        Assert.Equal("weights.features[1] 须为 Polygon 或 MultiPolygon（经度,纬度） / weights.features[1] must be a Polygon or MultiPolygon (lng,lat)", errors[1].Message);
    }

    [Fact]
    public void A_weight_file_that_is_not_json_or_not_a_feature_collection_is_an_error_on_weights()
    {
        var errors = new List<FieldError>();
        Assert.Null(WeightLayer.Read("{\"type\":", "broken.geojson", CoordSys.Wgs84, errors));
        Assert.Equal("weights", Assert.Single(errors).Field);
        Assert.Contains("broken.geojson", errors[0].Message);

        errors.Clear();
        Assert.Null(WeightLayer.Read($$$"""{"type":"Polygon","coordinates":[{{{Square}}}]}""", "shape.geojson", CoordSys.Wgs84, errors));
        Assert.Equal("invalid_weights", Assert.Single(errors).Code);

        errors.Clear();
        Assert.Null(WeightLayer.Read("null", "null.geojson", CoordSys.Wgs84, errors));
        Assert.Equal("invalid_weights", Assert.Single(errors).Code);
    }

    [Fact]
    public void Weight_polygons_in_gcj02_are_converted_vertex_by_vertex_to_wgs84()
    {
        var errors = new List<FieldError>();
        var layer = WeightLayer.Read($$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"weight":12.5},"geometry":{"type":"Polygon","coordinates":[{{{Square}}}]}}]}""",
            "w.geojson", CoordSys.Gcj02, errors);
        Assert.Empty(errors);
        var p = Assert.Single(layer!);
        Assert.Equal(12.5, p.WeightPerKm2);
        CoordConvert.Gcj02ToWgs84(116.30, 39.96, out var lng, out var lat);
        Assert.Contains(p.Wgs.Coordinates, c => Math.Abs(c.X - lng) < 1e-12 && Math.Abs(c.Y - lat) < 1e-12);
    }

    [Fact]
    public void A_geojson_region_file_joins_the_polygons_of_its_features_and_takes_the_file_name()
    {
        var text = $$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[{{{Square}}}]}},
              {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[116.3,39.97]}},
              {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[116.40,39.96],[116.41,39.96],[116.41,39.97],[116.40,39.96]]]]}}]}
            """;
        var errors = new List<FieldError>();
        var region = RegionFile.Read(text, "ring5.geojson", CoordSys.Wgs84, errors);
        Assert.Empty(errors);
        Assert.Equal("ring5", region!.Name);
        Assert.Equal(CoverageRegion.UploadedCode, region.Adcode);
        var outline = Assert.Single(region.Districts).Outline;
        Assert.IsType<MultiPolygon>(outline);
        Assert.Equal(0.06 * 0.05 + 0.00005, outline.Area, 9);
    }

    [Fact]
    public void A_kml_region_file_takes_its_placemark_name_and_a_file_without_polygons_is_named_in_the_error()
    {
        var kml = """<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>五环内</name><Polygon><outerBoundaryIs><LinearRing><coordinates>116.30,39.96 116.36,39.96 116.36,40.01</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>""";
        var errors = new List<FieldError>();
        var region = RegionFile.Read(kml, "ring5.kml", CoordSys.Wgs84, errors);
        Assert.Empty(errors);
        Assert.Equal("五环内", region!.Name);

        var none = RegionFile.Read("""{"type":"Point","coordinates":[116.3,39.97]}""", "points.geojson", CoordSys.Wgs84, errors);
        Assert.Null(none);
        Assert.Equal("region", Assert.Single(errors).Field);
        Assert.Contains("region (points.geojson)", errors[0].Message);
    }
}
