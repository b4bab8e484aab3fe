using StationMap.Common;
using StationMap.Coverage.Uploads;
using StationMap.Geo;

namespace StationMap.Tests.Coverage;

public class RegionFileTests
{
    // A region file of valid JSON that is no object (an array, a string, a number) is the "no polygon" error on region;
    // it used to throw out of the parser, and `stationmap coverage --region` crashed with a stack trace.
    [Theory]
    [InlineData("[116.3, 39.9]")]
    [InlineData("\"Polygon\"")]
    [InlineData("42")]
    [InlineData("""{"type":"FeatureCollection","features":[1, "x", null]}""")]
    public void A_region_file_that_holds_no_json_object_is_an_error_on_region(string text)
    {
        var errors = new List<FieldError>();
        Assert.Null(RegionFile.Read(text, "r.geojson", CoordSys.Wgs84, errors));
        Assert.Equal("region", Assert.Single(errors).Field);
    }
}
