using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using StationMap.Geo;
using StationMap.Nearby;
using StationMap.Nearby.Packed;

namespace StationMap.Api.Nearby;

/// <summary>
/// One station's result object as <see cref="NearestJson"/> writes it, with the per-request values cut out:
/// distance, minutes, location, openNow and the origin half of each walking link. What is left (escaped text,
/// services, hours, the destination halves of the links with their coordinate conversions) is the same for every
/// request, so it is written once per index and copied afterwards.
/// </summary>
internal sealed class StationJsonTemplate
{
    private enum Hole { Distance, Walk, Ebike, Location, OpenNow, AmapApp, AmapWeb, BaiduApp, BaiduWeb }
    private static readonly int HoleCount = Enum.GetValues<Hole>().Length;

    private byte[] _bytes = [];
    private int _length;
    private readonly int[] _cuts = new int[HoleCount * 2]; // start and end of each hole in _bytes, in order
    private byte[] _wgs84Location = []; // the location object for the default output system
    private int _wgs84Length;

    /// <summary>Bytes held, for the cache's budget.</summary>
    public int Size => _length + _cuts.Length * sizeof(int) + _wgs84Length + 96;

    // Per-thread scratch for building: a template is made on a request's thread, start to finish without awaits.
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;
    [ThreadStatic] private static WalkingLinkWriter? _links;
    [ThreadStatic] private static byte[]? _quoted;
    [ThreadStatic] private static StationJsonTemplate? _scratch;

    /// <summary>A template to keep: its arrays are exactly as long as its bytes.</summary>
    public static StationJsonTemplate Build(StationRef s) => new StationJsonTemplate().Fill(s, keep: true);

    /// <summary>
    /// A template for a row that will not be asked for again (the SQL path's rows are new for every query): this
    /// thread's one scratch template, refilled in place, valid until the next call on the same thread.
    /// </summary>
    public static StationJsonTemplate Scratch(StationRef s) => (_scratch ??= new StationJsonTemplate()).Fill(s, keep: false);

    private StationJsonTemplate Fill(StationRef s, bool keep)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var w = _writer ??= new Utf8JsonWriter(buffer, NearestJson.Options);
        w.Reset(buffer);
        var links = _links ??= new WalkingLinkWriter(Coordinate.Wgs84(0, 0)); // only destination halves are taken
        var cuts = _cuts;
        var hole = 0;
        int Position() => (int)(w.BytesCommitted + w.BytesPending);
        // A value hole replaces its placeholder; a link hole is the point just inside the quotes where the origin half goes.
        void Cut(JsonEncodedText name, ReadOnlySpan<byte> placeholder)
        {
            w.WritePropertyName(name);
            var isLink = placeholder[0] == '"';
            cuts[hole * 2] = Position() + (isLink ? 1 : 0);
            w.WriteRawValue(placeholder, skipInputValidation: true);
            cuts[hole * 2 + 1] = isLink ? cuts[hole * 2] : Position();
            hole++;
        }

        w.WriteStartObject();
        w.WriteString(NearestJson.Code, s.CodeUtf8);
        w.WriteString(NearestJson.StationName, s.NameUtf8);
        w.WriteString(NearestJson.Address, s.AddressUtf8);
        Cut(NearestJson.DistanceM, "0"u8);
        Cut(NearestJson.WalkMinutes, "0"u8);
        Cut(NearestJson.EbikeMinutes, "0"u8);
        Cut(NearestJson.Location, "{}"u8);
        w.WritePropertyName(NearestJson.Services);
        w.WriteRawValue(ServiceMask.JsonArray(s.ServiceBits), skipInputValidation: true);
        w.WriteString(NearestJson.Type, NearestJson.TypeNames[(int)s.Type]);
        var hours = s.Table.Hours(s.Row);
        if (hours is null) w.WriteNull(NearestJson.OpeningHours); else w.WriteString(NearestJson.OpeningHours, hours.Utf8);
        Cut(NearestJson.OpenNow, "null"u8);
        if (s.HasPhone) w.WriteString(NearestJson.Phone, s.PhoneUtf8); else w.WriteNull(NearestJson.Phone);
        links.To(s.Lng, s.Lat, s.NameUtf8);
        w.WriteStartObject(NearestJson.Navigation);
        foreach (var link in NearestJson.Links)
        {
            // The destination half needs no JSON escaping (percent-encoded ASCII), so it goes in as written.
            var destination = links.DestinationPart(link);
            if (_quoted is null || _quoted.Length < destination.Length + 2) _quoted = new byte[Math.Max(1024, destination.Length * 2)];
            var quoted = _quoted.AsSpan(0, destination.Length + 2);
            quoted[0] = quoted[^1] = (byte)'"';
            destination.CopyTo(quoted[1..]);
            Cut(NearestJson.LinkNames[(int)link], quoted);
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        _length = Keep(buffer.WrittenSpan, ref _bytes, keep);
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        NearestJson.WriteLocationObject(w, s.Lng, s.Lat, CoordSys.Wgs84);
        w.Flush();
        _wgs84Length = Keep(buffer.WrittenSpan, ref _wgs84Location, keep);
        return this;
    }

    private static int Keep(ReadOnlySpan<byte> written, ref byte[] into, bool exact)
    {
        if (exact ? into.Length != written.Length : into.Length < written.Length) into = new byte[exact ? written.Length : written.Length * 2];
        written.CopyTo(into);
        return written.Length;
    }

    /// <summary>Writes the result for <paramref name="hit"/> into <paramref name="output"/> and returns its length.</summary>
    public int Write(Span<byte> output, NearestHit hit, RequestParts request)
    {
        var written = 0;
        var from = 0;
        for (var hole = 0; hole < HoleCount; hole++)
        {
            _bytes.AsSpan(from, _cuts[hole * 2] - from).CopyTo(output[written..]);
            written += _cuts[hole * 2] - from;
            written += WriteHole((Hole)hole, output[written..], hit, request);
            from = _cuts[hole * 2 + 1];
        }
        _bytes.AsSpan(from, _length - from).CopyTo(output[written..]);
        return written + _length - from;
    }

    /// <summary>An upper bound on <see cref="Write"/>'s length for any request.</summary>
    public int MaxLength(RequestParts request) => _length + request.OriginBytes + 160;

    private int WriteHole(Hole hole, Span<byte> output, NearestHit hit, RequestParts request)
    {
        int n;
        switch (hole)
        {
            case Hole.Distance: Utf8Formatter.TryFormat((int)Math.Round(hit.DistanceM), output, out n); return n;
            case Hole.Walk: Utf8Formatter.TryFormat(TravelTime.WalkMinutes(hit.DistanceM), output, out n); return n;
            case Hole.Ebike: Utf8Formatter.TryFormat(TravelTime.EbikeMinutes(hit.DistanceM), output, out n); return n;
            case Hole.Location:
                if (request.Output != CoordSys.Wgs84) return request.WriteLocation(output, hit.Station.Lng, hit.Station.Lat);
                _wgs84Location.AsSpan(0, _wgs84Length).CopyTo(output);
                return _wgs84Length;
            case Hole.OpenNow:
                var open = hit.Station.Table.Hours(hit.Station.Row)?.Parsed?.IsOpenAtShanghai(request.ShanghaiAt);
                var literal = open switch { true => "true"u8, false => "false"u8, null => "null"u8 };
                literal.CopyTo(output);
                return literal.Length;
            default:
                var origin = request.Origin(hole - Hole.AmapApp);
                origin.CopyTo(output);
                return origin.Length;
        }
    }

    /// <summary>
    /// What one request adds to every result: its output system, Beijing time and the links' origin halves.
    /// One per thread, reset for each response (written without awaits).
    /// </summary>
    internal sealed class RequestParts
    {
        [ThreadStatic] private static RequestParts? _forThread;

        private readonly WalkingLinkWriter _links = new(Coordinate.Wgs84(0, 0));
        private readonly byte[][] _origins = new byte[NearestJson.Links.Length][];
        private readonly int[] _originLengths = new int[NearestJson.Links.Length];
        private readonly ArrayBufferWriter<byte> _location = new(128);
        private readonly Utf8JsonWriter _locationWriter;

        private RequestParts() => _locationWriter = new Utf8JsonWriter(_location, NearestJson.Options);

        public CoordSys Output { get; private set; }
        public DateTime ShanghaiAt { get; private set; }
        public int OriginBytes { get; private set; }

        public static RequestParts For(Coordinate origin, CoordSys output, DateTime shanghaiAt)
        {
            var parts = _forThread ??= new RequestParts();
            parts._links.From(origin);
            parts.OriginBytes = 0;
            foreach (var link in NearestJson.Links)
            {
                var part = parts._links.OriginPart(link);
                ref var kept = ref parts._origins[(int)link];
                if (kept is null || kept.Length < part.Length) kept = new byte[part.Length * 2];
                part.CopyTo(kept);
                parts._originLengths[(int)link] = part.Length;
                parts.OriginBytes += part.Length;
            }
            parts.Output = output;
            parts.ShanghaiAt = shanghaiAt;
            return parts;
        }

        public ReadOnlySpan<byte> Origin(int link) => _origins[link].AsSpan(0, _originLengths[link]);

        public int WriteLocation(Span<byte> output, double lng, double lat)
        {
            _location.ResetWrittenCount();
            _locationWriter.Reset(_location);
            NearestJson.WriteLocationObject(_locationWriter, lng, lat, Output);
            _locationWriter.Flush();
            _location.WrittenSpan.CopyTo(output);
            return _location.WrittenCount;
        }
    }
}
