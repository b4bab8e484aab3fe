using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace StationMap.Geo;

/// <summary>Totals of one streamed conversion.</summary>
public readonly record struct CoordStreamResult(long Lines, long Errors);

/// <summary>
/// Converts "lng,lat" lines (UTF-8) to "lng,lat" lines with 9 decimals, invariant culture, same order.
/// Plain decimal lines take an allocation-free span path; anything else (DMS, full-width, "39.9N 116.4E")
/// falls back to <see cref="CoordinateParser"/>. A bad line is reported to <c>errors</c> with its line
/// number, leaves an empty output line so output line N still matches input line N, and processing goes on;
/// the caller turns a non-zero <see cref="CoordStreamResult.Errors"/> into a failing exit code.
/// Blank input lines are copied as blank lines and are not errors.
/// </summary>
public static class CoordStreamConverter
{
    private const int MaxReportedErrors = 100;
    private static readonly StandardFormat Decimals = new('F', 9);

    public static CoordStreamResult Convert(Stream input, Stream output, CoordSys from, CoordSys to, TextWriter errors)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var outBuf = new BufferedStream(output, 1 << 16);
        Span<byte> line = stackalloc byte[64];
        long lines = 0, bad = 0;
        int filled = 0, read;
        var first = true;
        try
        {
            while ((read = input.Read(buffer, filled, buffer.Length - filled)) > 0 || filled > 0)
            {
                var end = filled + read;
                var data = buffer.AsSpan(0, end);
                if (first && data.StartsWith("\uFEFF"u8)) { data = data[3..]; }
                first = false;
                var atEof = read == 0;
                var consumed = 0;
                while (true)
                {
                    var nl = data[consumed..].IndexOf((byte)'\n');
                    if (nl < 0 && !atEof) break;
                    var raw = nl < 0 ? data[consumed..] : data.Slice(consumed, nl);
                    consumed += nl < 0 ? raw.Length : nl + 1;
                    if (nl < 0 && raw.Length == 0) break;
                    lines++;
                    if (!ConvertLine(raw.TrimEnd("\r"u8), from, to, line, out var written, out var error))
                    {
                        if (++bad <= MaxReportedErrors) errors.WriteLine("line {0}: {1}", lines, error);
                        written = 0;
                    }
                    line[written] = (byte)'\n';
                    outBuf.Write(line[..(written + 1)]);
                    if (nl < 0) break;
                }
                if (atEof) break;
                // Keep the partial last line; grow if one line fills the whole buffer.
                var rest = data[consumed..];
                if (rest.Length == buffer.Length) throw new InvalidDataException("line " + (lines + 1) + " is longer than 64 KiB");
                rest.CopyTo(buffer);
                filled = rest.Length;
            }
            if (bad > MaxReportedErrors) errors.WriteLine("... {0} bad lines in all", bad);
            outBuf.Flush();
            return new CoordStreamResult(lines, bad);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool ConvertLine(ReadOnlySpan<byte> raw, CoordSys from, CoordSys to, Span<byte> dest, out int written, out string? error)
    {
        written = 0;
        error = null;
        var text = raw.Trim(" \t"u8);
        if (text.IsEmpty) return true;
        if (!TryFastParse(text, from, out var lng, out var lat))
        {
            var s = Encoding.UTF8.GetString(text);
            var parsed = from == CoordSys.Bd09Mc ? CoordinateParser.ParseMercatorPair(s) : CoordinateParser.ParsePair(s, AxisOrder.LngLat);
            if (!parsed.Ok) { error = parsed.Error!.Message; return false; }
            (lng, lat) = (parsed.Value.Lng, parsed.Value.Lat);
        }
        CoordConvert.Convert(from, to, lng, lat, out var outLng, out var outLat);
        Utf8Formatter.TryFormat(outLng, dest, out var n1, Decimals);
        dest[n1] = (byte)',';
        Utf8Formatter.TryFormat(outLat, dest[(n1 + 1)..], out var n2, Decimals);
        written = n1 + 1 + n2;
        return true;
    }

    // "116.39,39.90" (comma, tab, semicolon or space): two plain finite numbers within range, else the slow path.
    private static bool TryFastParse(ReadOnlySpan<byte> text, CoordSys from, out double lng, out double lat)
    {
        lat = 0;
        var sep = text.IndexOfAny(",;\t "u8);
        if (sep <= 0 || !double.TryParse(text[..sep], NumberStyles.Float, CultureInfo.InvariantCulture, out lng)) { lng = 0; return false; }
        var rest = text[(sep + 1)..].Trim(" "u8);
        if (!double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out lat)) return false;
        var limit = from == CoordSys.Bd09Mc ? 20037508.35 : 180.0;
        var latLimit = from == CoordSys.Bd09Mc ? 20037508.35 : 90.0;
        return Math.Abs(lng) <= limit && Math.Abs(lat) <= latLimit; // NaN fails here too
    }
}
