using StationMap.Geo;

namespace StationMap.Tests.Geo;

public class CoordinateParserTests
{
    // kind: lng / lat (value in the first number column) / pair (lng,lat order) / pairLatLng /
    // point (two fields "lng|lat") / pointCn (the same, China required). Last column: expected error code.
    public static TheoryData<string, string, double, double, string?> Cases => new()
    {
        { "lng", "116.397428", 116.397428, 0, null },
        { "lng", "  116.397428  ", 116.397428, 0, null },
        { "lng", "１１６．３９７", 116.397, 0, null },
        { "lng", "116.397°", 116.397, 0, null },
        { "lng", "116.397度", 116.397, 0, null },
        { "lng", "116°23'17.5\"E", 116 + 23 / 60.0 + 17.5 / 3600, 0, null },
        { "lng", "116°23′17.5″E", 116 + 23 / 60.0 + 17.5 / 3600, 0, null },
        { "lng", "116度23分17.5秒", 116 + 23 / 60.0 + 17.5 / 3600, 0, null },
        { "lng", "东经116度23分17.5秒", 116 + 23 / 60.0 + 17.5 / 3600, 0, null },
        { "lng", "E116.3975", 116.3975, 0, null },
        { "lng", "116.3975 E", 116.3975, 0, null },
        { "lng", "116 23 17.5", 116 + 23 / 60.0 + 17.5 / 3600, 0, null },
        { "lng", "74°W", -74, 0, null },
        { "lng", "-74.006", -74.006, 0, null },
        { "lng", "−74.006", -74.006, 0, null },
        { "lng", "１１６°２３′", 116 + 23 / 60.0, 0, null },
        { "lat", "39.9042", 39.9042, 0, null },
        { "lat", "39°54′27″N", 39 + 54 / 60.0 + 27 / 3600.0, 0, null },
        { "lat", "北纬39°54'27\"", 39 + 54 / 60.0 + 27 / 3600.0, 0, null },
        { "lat", "39°54.45'N", 39 + 54.45 / 60.0, 0, null },
        { "lat", "33.87 S", -33.87, 0, null },
        { "lat", "南纬33度52分", -(33 + 52 / 60.0), 0, null },
        { "lat", "39°54''27", 0, 0, CoordErrorCodes.BadDms },
        { "lat", "116.4", 0, 0, CoordErrorCodes.OutOfRange },
        { "lat", "-90.5", 0, 0, CoordErrorCodes.OutOfRange },
        { "lat", "", 0, 0, CoordErrorCodes.Empty },
        { "lat", "   ", 0, 0, CoordErrorCodes.Empty },
        { "lat", "　", 0, 0, CoordErrorCodes.Empty },
        { "lat", "abc", 0, 0, CoordErrorCodes.NotANumber },
        { "lat", "39.9.1", 0, 0, CoordErrorCodes.NotANumber },
        { "lat", "NaN", 0, 0, CoordErrorCodes.NotFinite },
        { "lat", "-Infinity", 0, 0, CoordErrorCodes.NotFinite },
        { "lat", "39°75'N", 0, 0, CoordErrorCodes.BadDms },
        { "lat", "39.5°30'", 0, 0, CoordErrorCodes.BadDms },
        { "lat", "116.4E", 0, 0, CoordErrorCodes.WrongAxis },
        { "lng", "39.9N", 0, 0, CoordErrorCodes.WrongAxis },
        { "lng", "181", 0, 0, CoordErrorCodes.OutOfRange },
        { "lng", "-39 W", 0, 0, CoordErrorCodes.NotANumber },
        { "pair", "116.39,39.91", 116.39, 39.91, null },
        { "pair", "116.39，39.91", 116.39, 39.91, null },
        { "pair", "１１６．３９，３９．９１", 116.39, 39.91, null },
        { "pair", "116.39 39.91", 116.39, 39.91, null },
        { "pair", " 116.39 ;  39.91 ", 116.39, 39.91, null },
        { "pair", "39°54′27″N, 116°23′17.5″E", 116 + 23 / 60.0 + 17.5 / 3600, 39 + 54 / 60.0 + 27 / 3600.0, null },
        { "pair", "39° 54′ 27″ N 116° 23′ 17.5″ E", 116 + 23 / 60.0 + 17.5 / 3600, 39 + 54 / 60.0 + 27 / 3600.0, null },
        { "pair", "北纬39.9 东经116.4", 116.4, 39.9, null },
        { "pair", "39.91,116.39", 0, 0, CoordErrorCodes.Swapped },
        { "pair", "116.39", 0, 0, CoordErrorCodes.BadPair },
        { "pair", "116.39,39.91,12", 0, 0, CoordErrorCodes.BadPair },
        { "pair", "116.39,", 0, 0, CoordErrorCodes.BadPair },
        { "pair", "39.9N,40.1N", 0, 0, CoordErrorCodes.WrongAxis },
        { "pairLatLng", "39.91,116.39", 116.39, 39.91, null },
        { "pairLatLng", "31.2304 121.4737", 121.4737, 31.2304, null },
        { "point", "116.39|39.91", 116.39, 39.91, null },
        { "point", "39.91|116.39", 0, 0, CoordErrorCodes.Swapped },
        { "point", "31.23|121.47", 0, 0, CoordErrorCodes.Swapped },
        { "point", "39.9N|116.4E", 0, 0, CoordErrorCodes.Swapped },
        { "point", "2.35|48.85", 2.35, 48.85, null },
        { "point", "|39.9", 0, 0, CoordErrorCodes.Empty },
        { "point", "116.4|abc", 0, 0, CoordErrorCodes.NotANumber },
        { "pointCn", "2.35|48.85", 0, 0, CoordErrorCodes.OutsideChina },
        { "pointCn", "126.978|37.5665", 0, 0, CoordErrorCodes.OutsideChina },
        { "pointCn", "40|80", 0, 0, CoordErrorCodes.Swapped },
        { "pointCn", "116°23′17.5″|39°54′27″", 116 + 23 / 60.0 + 17.5 / 3600, 39 + 54 / 60.0 + 27 / 3600.0, null },
        { "pointCn", "114.1694|22.3193", 114.1694, 22.3193, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parser_reads_what_staff_type_or_names_the_problem(string kind, string text, double lng, double lat, string? code)
    {
        var (ok, error, value) = Parse(kind, text);
        if (code is null)
        {
            Assert.True(ok, error?.ToString());
            Assert.Equal(lng, value.Lng, 1e-12);
            Assert.Equal(lat, value.Lat, 1e-12);
        }
        else
        {
            Assert.False(ok, "expected " + code + " for " + text);
            Assert.Equal(code, error!.Code);
            Assert.Contains(" / ", error.Message);
        }
    }

    [Fact]
    public void Out_of_range_latitude_message_is_bilingual_and_names_the_value() =>
        Assert.Equal("纬度超出范围 / latitude out of range (-90..90): 116.4", CoordinateParser.ParseLat("116.4").Error!.Message);

    [Fact]
    public void Swapped_message_says_so_in_both_languages() =>
        Assert.Equal("经纬度疑似填反 / latitude and longitude look swapped",
            CoordinateParser.ParsePoint("39.9", "116.4", requireChina: false).Error!.Message);

    [Fact]
    public void Reading_the_value_of_a_failed_parse_throws_instead_of_returning_zero() =>
        Assert.Throws<InvalidOperationException>(() => CoordinateParser.ParseLng("x").Value);

    private static (bool Ok, CoordParseError? Error, LngLat Value) Parse(string kind, string text)
    {
        static (bool, CoordParseError?, LngLat) From<T>(CoordParseResult<T> r, Func<T, LngLat> f) =>
            (r.Ok, r.Error, r.Ok ? f(r.Value) : default);
        var fields = text.Split('|');
        return kind switch
        {
            "lng" => From(CoordinateParser.ParseLng(text), v => new LngLat(v, 0)),
            "lat" => From(CoordinateParser.ParseLat(text), v => new LngLat(v, 0)),
            "pair" => From(CoordinateParser.ParsePair(text, AxisOrder.LngLat), v => v),
            "pairLatLng" => From(CoordinateParser.ParsePair(text, AxisOrder.LatLng), v => v),
            "point" => From(CoordinateParser.ParsePoint(fields[0], fields[1], requireChina: false), v => v),
            "pointCn" => From(CoordinateParser.ParsePoint(fields[0], fields[1], requireChina: true), v => v),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
