using System.Globalization;

namespace StationMap.Geo;

/// <summary>The stable error codes of <see cref="CoordinateParser"/>, and the messages that go with them.</summary>
public static class CoordErrorCodes
{
    public const string Empty = "empty";
    public const string NotANumber = "not_a_number";
    public const string NotFinite = "not_finite";
    public const string OutOfRange = "out_of_range";
    public const string BadDms = "bad_dms";
    public const string WrongAxis = "wrong_axis";
    public const string BadPair = "bad_pair";
    public const string Swapped = "swapped";
    public const string OutsideChina = "outside_china";

    internal static CoordParseError EmptyError(Axis axis) => new(Empty, Zh(axis) + "为空", En(axis) + " is empty");

    internal static CoordParseError NotANumberError(Axis axis, string text) =>
        new(NotANumber, Zh(axis) + "不是数字", En(axis) + " is not a number", text);

    internal static CoordParseError NotFiniteError(Axis axis, string text) =>
        new(NotFinite, Zh(axis) + "不是有限数值", En(axis) + " must be a finite number", text);

    internal static CoordParseError OutOfRangeError(Axis axis, double value) => axis == Axis.Lat
        ? new(OutOfRange, "纬度超出范围", "latitude out of range (-90..90)", F(value))
        : new(OutOfRange, "经度超出范围", "longitude out of range (-180..180)", F(value));

    internal static CoordParseError BadDmsError(Axis axis, string text) =>
        new(BadDms, Zh(axis) + "度分秒格式错误（分、秒须小于 60）",
            En(axis) + " has malformed degrees-minutes-seconds (minutes and seconds below 60)", text);

    internal static CoordParseError MercatorOutOfRangeError(double value) =>
        new(OutOfRange, "百度墨卡托坐标超出范围", "Baidu Mercator metres out of range (±20037508)", F(value));

    internal static CoordParseError WrongAxisError(Axis axis, string text) =>
        new(WrongAxis, Zh(axis) + "的方位不符（经度用 E/W 东经/西经，纬度用 N/S 北纬/南纬）",
            En(axis) + " carries the other axis' hemisphere (E/W for longitude, N/S for latitude)", text);

    internal static CoordParseError BadPairError(string text) =>
        new(BadPair, "应为经度和纬度两个数值，用逗号、分号或空格分隔",
            "expected two numbers, longitude and latitude, separated by a comma, semicolon or space", text);

    internal static CoordParseError SwappedError() =>
        new(Swapped, "经纬度疑似填反", "latitude and longitude look swapped");

    internal static CoordParseError OutsideChinaError(double lng, double lat) =>
        new(OutsideChina, "坐标不在中国境内", "point is outside China", F(lng) + "," + F(lat));

    private static string Zh(Axis axis) => axis switch { Axis.Lng => "经度", Axis.Lat => "纬度", _ => "坐标" };
    private static string En(Axis axis) => axis switch { Axis.Lng => "longitude", Axis.Lat => "latitude", _ => "coordinate" };
    private static string F(double v) => v.ToString("0.##########", CultureInfo.InvariantCulture);
}

/// <summary>Which axis a text is (or claims to be) about.</summary>
internal enum Axis { Unknown, Lng, Lat }
