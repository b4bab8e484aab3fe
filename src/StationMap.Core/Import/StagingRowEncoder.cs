using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Import;

/// <summary>
/// Writes a valid row as one tuple of PostgreSQL's binary COPY format, in the column order of
/// <see cref="StagingTable"/>'s COPY. Done by the reader thread right after validation: Npgsql's per-value writer cost
/// ≈ 16 µs a row on the connection, which then kept PostgreSQL waiting; here a row is a few spans of bytes.
/// </summary>
internal sealed class StagingRowEncoder(InsertSnapshot snapshots)
{
    private static readonly short Columns = (short)StagingTable.CopyColumns.Length;
    private const int TextOid = 25;

    /// <summary>The file header every binary COPY starts with (signature, flags, no extension).</summary>
    public static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>The trailer: a tuple of -1 fields.</summary>
    public static ReadOnlySpan<byte> Trailer => [0xff, 0xff];

    /// <summary>Fresh and code-less rows may be inserted, so they carry a history snapshot; a stored code is an update.</summary>
    public void Write(CopyBuffer to, int row, int chunk, StationFields f, long? orgId, bool mayInsert)
    {
        Int16(to, Columns);
        Int32Field(to, row);
        Int32Field(to, chunk);
        Bool(to, f.Code is not null);
        Text(to, f.Code);
        Text(to, f.Name);
        Text(to, f.Address);
        Text(to, f.Adcode);
        Double(to, f.Wgs84.Lng);
        Double(to, f.Wgs84.Lat);
        Double(to, f.Submitted.Lng);
        Double(to, f.Submitted.Lat);
        Text(to, f.Submitted.Sys.ToWire());
        Text(to, EnumNames.Wire(f.Type));
        if (f.AreaM2 is { } area) Numeric(to, area); else Null(to);
        TextArray(to, f.Services);
        Text(to, f.OpeningHours);
        Text(to, f.Phone);
        Text(to, f.HostOrganization);
        Text(to, EnumNames.Wire(f.HostKind));
        if (orgId is { } id) Int64(to, id); else Null(to);
        Bool(to, f.IsPublic);
        Text(to, EnumNames.Wire(f.Status));
        TextArray(to, f.Photos);
        Text(to, f.Notes);
        if (mayInsert) Jsonb(to, snapshots.Utf8(f, orgId)); else Null(to);
        to.EndTuple();
    }

    private static void Null(IBufferWriter<byte> to)
    {
        BinaryPrimitives.WriteInt32BigEndian(to.GetSpan(4), -1);
        to.Advance(4);
    }

    private static void Int16(IBufferWriter<byte> to, short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(to.GetSpan(2), value);
        to.Advance(2);
    }

    private static void Int32Field(IBufferWriter<byte> to, int value)
    {
        var span = to.GetSpan(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
        to.Advance(8);
    }

    private static void Int64(IBufferWriter<byte> to, long value)
    {
        var span = to.GetSpan(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
        to.Advance(12);
    }

    // float8 goes on the wire as its IEEE bits, big-endian: the int8 layout.
    private static void Double(IBufferWriter<byte> to, double value) => Int64(to, BitConverter.DoubleToInt64Bits(value));

    private static void Bool(IBufferWriter<byte> to, bool value)
    {
        var span = to.GetSpan(5);
        BinaryPrimitives.WriteInt32BigEndian(span, 1);
        span[4] = value ? (byte)1 : (byte)0;
        to.Advance(5);
    }

    /// <summary>A length-prefixed UTF-8 value (text, varchar and char all take the bytes as they are).</summary>
    private static void Text(IBufferWriter<byte> to, string? value)
    {
        if (value is null) { Null(to); return; }
        var span = to.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        to.Advance(4 + length);
    }

    /// <summary>A one-dimensional text[] without nulls (an empty list is the zero-dimension array, as '{}').</summary>
    private static void TextArray(IBufferWriter<byte> to, List<string> values)
    {
        var bytes = 12 + (values.Count > 0 ? 8 : 0);
        foreach (var v in values) bytes += 4 + Encoding.UTF8.GetByteCount(v);
        var span = to.GetSpan(4 + bytes);
        BinaryPrimitives.WriteInt32BigEndian(span, bytes);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], values.Count > 0 ? 1 : 0); // dimensions
        BinaryPrimitives.WriteInt32BigEndian(span[8..], 0);                        // no nulls
        BinaryPrimitives.WriteInt32BigEndian(span[12..], TextOid);
        var at = 16;
        if (values.Count > 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(span[at..], values.Count);
            BinaryPrimitives.WriteInt32BigEndian(span[(at + 4)..], 1); // lower bound
            at += 8;
        }
        foreach (var v in values)
        {
            var length = Encoding.UTF8.GetBytes(v, span[(at + 4)..]);
            BinaryPrimitives.WriteInt32BigEndian(span[at..], length);
            at += 4 + length;
        }
        to.Advance(at);
    }

    /// <summary>jsonb's binary input is a version byte (1) and the JSON text.</summary>
    private static void Jsonb(IBufferWriter<byte> to, ReadOnlySpan<byte> json)
    {
        var span = to.GetSpan(5 + json.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, json.Length + 1);
        span[4] = 1;
        json.CopyTo(span[5..]);
        to.Advance(5 + json.Length);
    }

    /// <summary>numeric's binary form: base-10000 digits with weight, sign and display scale. The column's typmod
    /// (numeric(8,1)) rounds on input, as for text.</summary>
    internal static void Numeric(IBufferWriter<byte> to, decimal value)
    {
        var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.');
        var (whole, fraction) = point < 0 ? (text, "") : (text[..point], text[(point + 1)..]);
        whole = whole.TrimStart('0');
        // Groups of four decimal digits, aligned on the decimal point.
        var wholeGroups = (whole.Length + 3) / 4;
        var padded = new string('0', wholeGroups * 4 - whole.Length) + whole + fraction + new string('0', (4 - fraction.Length % 4) % 4);
        var digits = new List<short>(padded.Length / 4);
        for (var i = 0; i < padded.Length; i += 4) digits.Add(short.Parse(padded.AsSpan(i, 4), CultureInfo.InvariantCulture));
        var weight = wholeGroups - 1;
        var first = 0;
        while (first < digits.Count && digits[first] == 0) { first++; weight--; }
        var last = digits.Count;
        while (last > first && digits[last - 1] == 0) last--;
        var count = last - first;
        if (count == 0) weight = 0;
        var span = to.GetSpan(4 + 8 + 2 * count);
        BinaryPrimitives.WriteInt32BigEndian(span, 8 + 2 * count);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)count);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)weight);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], value < 0 && count > 0 ? (ushort)0x4000 : (ushort)0);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], (short)fraction.Length);
        for (var i = 0; i < count; i++) BinaryPrimitives.WriteInt16BigEndian(span[(12 + 2 * i)..], digits[first + i]);
        to.Advance(12 + 2 * count);
    }
}
