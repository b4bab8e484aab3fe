using StationMap.Common;
using StationMap.Coverage;
using StationMap.Coverage.Uploads;
using StationMap.Geo;

namespace StationMap.Tests.Coverage;

/// <summary>The guard behind the weight bounds: sums that leave the finite numbers are caught before any JSON is written.</summary>
public class FiniteFiguresTests
{
    // Sums past double's range become infinity and the shares NaN, which the JSON writer refuses; the guard must see it.
    [Fact]
    public void Sums_that_overflow_are_not_finite_and_ordinary_ones_are()
    {
        var overflow = new CoverageTally();
        overflow.Add([1e308, 1e308], [1, 2]);
        Assert.False(overflow.ToFigures("", "points", []).IsFinite());

        var ordinary = new CoverageTally();
        ordinary.Add([WeightLayer.MaxWeight, WeightLayer.MaxWeight], [1, 2]);
        Assert.True(ordinary.ToFigures("", "points", []).IsFinite());
    }

    // A region drawn on one point or one line is refused by the shared parser, so the API and the CLI both name it.
    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[100,40],[100,40],[100,40],[100,40]]]}""", "line.geojson", "region")]
    [InlineData("""<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>100,40 100.1,40 100.2,40</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>""", "line.kml", "regionKml")]
    public void A_region_file_with_no_area_is_an_error_on_its_field(string text, string file, string field)
    {
        var errors = new List<FieldError>();
        Assert.Null(RegionFile.Read(text, file, CoordSys.Wgs84, errors));
        Assert.Equal((field, "region_no_area"), (Assert.Single(errors).Field, errors[0].Code));
    }
}
