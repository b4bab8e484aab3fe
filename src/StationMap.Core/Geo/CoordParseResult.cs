namespace StationMap.Geo;

/// <summary>Which number comes first in a single "经纬度" field.</summary>
public enum AxisOrder
{
    /// <summary>"116.39,39.91": Amap, GeoJSON, our API.</summary>
    LngLat,
    /// <summary>"39.91,116.39": Baidu and Tencent place APIs.</summary>
    LatLng,
}

/// <summary>A parsed longitude/latitude pair; the caller knows (and must state) its coordinate system.</summary>
public readonly record struct LngLat(double Lng, double Lat)
{
    public Coordinate In(CoordSys sys) => new(Lng, Lat, sys);
}

/// <summary>
/// Why a text was rejected: a stable <see cref="Code"/> (see <see cref="CoordErrorCodes"/>), the problem in
/// Chinese and English, and the offending text or value (<see cref="Detail"/>) when there is one.
/// </summary>
public sealed record CoordParseError(string Code, string MessageZh, string MessageEn, string? Detail = null)
{
    /// <summary>"纬度超出范围 / latitude out of range (-90..90): 116.4".</summary>
    public string Message => MessageZh + " / " + MessageEn + (Detail is null ? "" : ": " + Detail);

    public override string ToString() => Code + ": " + Message;
}

/// <summary>Either a value or a precise error; never both.</summary>
public readonly struct CoordParseResult<T>
{
    private readonly T _value;
    private readonly bool _ok; // false for default(CoordParseResult<T>), so a blank result is never a success

    private CoordParseResult(T value, CoordParseError? error, bool ok) => (_value, Error, _ok) = (value, error, ok);

    public static CoordParseResult<T> Success(T value) => new(value, null, true);
    public static CoordParseResult<T> Failure(CoordParseError error) => new(default!, error, false);

    public static implicit operator CoordParseResult<T>(CoordParseError error) => Failure(error);

    public CoordParseError? Error { get; }
    public bool Ok => _ok;

    /// <summary>The parsed value; throws if the parse failed, so an error cannot be read as a zero.</summary>
    public T Value => Ok ? _value : throw new InvalidOperationException("Parse failed: " + Error);
}
