using System.Globalization;
using System.Text;
using StationMap.Geo;

namespace StationMap.Nearby;

/// <summary>
/// Walking-navigation links (see <see cref="NavigationLinks"/>) written as UTF-8 with no strings:
/// the origin is converted and formatted once per request, each destination once per result, and the
/// name is percent-encoded straight from its UTF-8. Each link is an origin part followed by a destination part, so
/// the JSON path can keep a station's destination parts and add the request's origin parts. One instance per
/// request (not thread-safe).
/// </summary>
public sealed class WalkingLinkWriter
{
    private static readonly byte[] Me = Encoding.UTF8.GetBytes(Uri.EscapeDataString("我的位置"));

    // Number slots: the origin's four, then the current destination's four.
    private const int FromGcjLng = 0, FromGcjLat = 1, FromBdLng = 2, FromBdLat = 3, ToGcjLng = 4, ToGcjLat = 5, ToBdLng = 6, ToBdLat = 7;
    private const int NumberBytes = 32;
    private readonly byte[] _numbers = new byte[8 * NumberBytes];
    private readonly int[] _numberLengths = new int[8];
    private byte[] _name = new byte[256];
    private int _nameLength;
    private byte[] _link = new byte[1024];
    private int _length;

    public WalkingLinkWriter(Coordinate from) => From(from);

    /// <summary>Sets the worker's position, the origin of the next links.</summary>
    public void From(Coordinate from)
    {
        var gcj = from.To(CoordSys.Gcj02);
        var bd = from.To(CoordSys.Bd09);
        SetNumber(FromGcjLng, gcj.Lng); SetNumber(FromGcjLat, gcj.Lat); SetNumber(FromBdLng, bd.Lng); SetNumber(FromBdLat, bd.Lat);
    }

    /// <summary>Sets the station the next links lead to (WGS-84 position, UTF-8 name).</summary>
    public void To(double lng, double lat, ReadOnlySpan<byte> nameUtf8)
    {
        var to = Coordinate.Wgs84(lng, lat);
        var gcj = to.To(CoordSys.Gcj02);
        var bd = to.To(CoordSys.Bd09);
        SetNumber(ToGcjLng, gcj.Lng); SetNumber(ToGcjLat, gcj.Lat); SetNumber(ToBdLng, bd.Lng); SetNumber(ToBdLat, bd.Lat);
        EscapeName(nameUtf8);
    }

    public ReadOnlySpan<byte> AmapApp() => Link(WalkingLink.AmapApp);
    public ReadOnlySpan<byte> AmapWeb() => Link(WalkingLink.AmapWeb);
    public ReadOnlySpan<byte> BaiduApp() => Link(WalkingLink.BaiduApp);
    public ReadOnlySpan<byte> BaiduWeb() => Link(WalkingLink.BaiduWeb);

    /// <summary>The whole link. Valid until the next call on this writer.</summary>
    public ReadOnlySpan<byte> Link(WalkingLink link)
    {
        _length = 0;
        PutOrigin(link);
        PutDestination(link);
        return _link.AsSpan(0, _length);
    }

    /// <summary>The link up to where the destination starts: depends on the origin only. Valid until the next call.</summary>
    public ReadOnlySpan<byte> OriginPart(WalkingLink link)
    {
        _length = 0;
        PutOrigin(link);
        return _link.AsSpan(0, _length);
    }

    /// <summary>The rest of the link: depends on the destination only. Valid until the next call.</summary>
    public ReadOnlySpan<byte> DestinationPart(WalkingLink link)
    {
        _length = 0;
        PutDestination(link);
        return _link.AsSpan(0, _length);
    }

    private void PutOrigin(WalkingLink link)
    {
        switch (link)
        {
            case WalkingLink.AmapApp:
                Put("amapuri://route/plan/?sourceApplication=stationmap&slat="u8); PutNumber(FromGcjLat); Put("&slon="u8); PutNumber(FromGcjLng);
                Put("&sname="u8); Put(Me); Put("&dlat="u8);
                break;
            case WalkingLink.AmapWeb:
                Put("https://uri.amap.com/navigation?from="u8); PutNumber(FromGcjLng); Put(","u8); PutNumber(FromGcjLat); Put(","u8); Put(Me);
                Put("&to="u8);
                break;
            case WalkingLink.BaiduApp:
                Put("baidumap://map/direction"u8); PutBaiduOrigin();
                break;
            default:
                Put("https://api.map.baidu.com/direction"u8); PutBaiduOrigin();
                break;
        }
    }

    private void PutDestination(WalkingLink link)
    {
        switch (link)
        {
            case WalkingLink.AmapApp:
                PutNumber(ToGcjLat); Put("&dlon="u8); PutNumber(ToGcjLng); Put("&dname="u8); PutName(); Put("&dev=0&t=2"u8);
                break;
            case WalkingLink.AmapWeb:
                PutNumber(ToGcjLng); Put(","u8); PutNumber(ToGcjLat); Put(","u8); PutName();
                Put("&mode=walk&coordinate=gaode&callnative=1&src=stationmap"u8);
                break;
            case WalkingLink.BaiduApp:
                PutBaiduDestination(); Put("&coord_type=bd09ll&mode=walking&src=stationmap"u8);
                break;
            default:
                PutBaiduDestination(); Put("&coord_type=bd09ll&mode=walking&region=&output=html&src=stationmap"u8);
                break;
        }
    }

    private void PutBaiduOrigin()
    {
        Put("?origin=latlng:"u8); PutNumber(FromBdLat); Put(","u8); PutNumber(FromBdLng); Put("|name:"u8); Put(Me);
        Put("&destination=latlng:"u8);
    }

    private void PutBaiduDestination()
    {
        PutNumber(ToBdLat); Put(","u8); PutNumber(ToBdLng); Put("|name:"u8); PutName();
    }

    /// <summary>What Uri.EscapeDataString does: RFC 3986 unreserved bytes stay, every other byte becomes %XX.</summary>
    private void EscapeName(ReadOnlySpan<byte> utf8)
    {
        if (_name.Length < utf8.Length * 3) _name = new byte[utf8.Length * 3];
        var n = 0;
        foreach (var b in utf8)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                _name[n++] = b;
            }
            else
            {
                _name[n++] = (byte)'%';
                _name[n++] = (byte)"0123456789ABCDEF"[b >> 4];
                _name[n++] = (byte)"0123456789ABCDEF"[b & 15];
            }
        }
        _nameLength = n;
    }

    private void PutName() => Put(_name.AsSpan(0, _nameLength));

    private void Put(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _link.Length) Array.Resize(ref _link, Math.Max(_link.Length * 2, _length + bytes.Length));
        bytes.CopyTo(_link.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Formats into number slot <paramref name="slot"/>: six decimals, as the apps expect.</summary>
    private void SetNumber(int slot, double value)
    {
        value.TryFormat(_numbers.AsSpan(slot * NumberBytes, NumberBytes), out _numberLengths[slot], "0.000000", CultureInfo.InvariantCulture);
    }

    private void PutNumber(int slot) => Put(_numbers.AsSpan(slot * NumberBytes, _numberLengths[slot]));
}

/// <summary>The four walking links every result carries, in response order.</summary>
public enum WalkingLink { AmapApp, AmapWeb, BaiduApp, BaiduWeb }
