using System.Text;

namespace StationMap.Nearby.Packed;

/// <summary>
/// Display strings as UTF-8 in one byte array: no object per string (1.5M stations would otherwise
/// hold six million of them). An entry is a 7-bit length prefix and the bytes; an offset of -1 means null.
/// </summary>
public sealed class TextArena
{
    public const int Null = -1;

    private readonly byte[] _bytes;

    internal TextArena(byte[] bytes) => _bytes = bytes;

    public int Length => _bytes.Length;

    public ReadOnlySpan<byte> Utf8(int offset)
    {
        if (offset < 0) return default;
        var (start, length) = Entry(_bytes, offset);
        return _bytes.AsSpan(start, length);
    }

    public string? String(int offset) => offset < 0 ? null : Encoding.UTF8.GetString(Utf8(offset));

    internal static (int Start, int Length) Entry(byte[] bytes, int offset)
    {
        int length = 0, shift = 0;
        while (true)
        {
            var b = bytes[offset++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80) return (offset, length);
            shift += 7;
        }
    }
}
