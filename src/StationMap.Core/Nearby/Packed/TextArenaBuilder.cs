using System.Buffers;
using System.Text;

namespace StationMap.Nearby.Packed;

/// <summary>
/// Appends strings to a <see cref="TextArena"/>. Interned entries are stored once: at 1.5M stations
/// names, addresses and hotlines repeat a lot. The intern table holds only offsets, never strings.
/// </summary>
public sealed class TextArenaBuilder
{
    private byte[] _bytes;
    private int _length;
    private int[] _slots = []; // offset + 1 of an interned entry; 0 = empty (allocated on first use)
    private int[] _hashes = []; // each slot's hash: most probes are settled without touching the arena
    private int _interned;

    public TextArenaBuilder(int capacity = 1 << 16) => _bytes = new byte[Math.Max(capacity, 16)];

    public int Add(string? text, bool intern)
    {
        if (text is null) return TextArena.Null;
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        var count = Encoding.UTF8.GetBytes(text, buffer);
        var offset = Add(buffer[..count], intern);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return offset;
    }

    public int Add(ReadOnlySpan<byte> utf8, bool intern)
    {
        if (!intern) return Append(utf8);
        if (_slots.Length == 0) (_slots, _hashes) = (new int[1 << 10], new int[1 << 10]);
        var hash = Hash(utf8);
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                var offset = Append(utf8);
                _slots[i] = offset + 1;
                _hashes[i] = hash;
                if (++_interned * 2 > _slots.Length) Grow();
                return offset;
            }
            if (_hashes[i] != hash) continue;
            var (start, length) = TextArena.Entry(_bytes, slot - 1);
            if (_bytes.AsSpan(start, length).SequenceEqual(utf8)) return slot - 1;
        }
    }

    /// <summary>The arena, trimmed; the builder must not be used afterwards.</summary>
    public TextArena Build() => new(_bytes.AsSpan(0, _length).ToArray());

    private int Append(ReadOnlySpan<byte> utf8)
    {
        if (_length + utf8.Length + 5 > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + utf8.Length + 5));
        var offset = _length;
        var n = (uint)utf8.Length;
        while (n >= 0x80) { _bytes[_length++] = (byte)(n | 0x80); n >>= 7; }
        _bytes[_length++] = (byte)n;
        utf8.CopyTo(_bytes.AsSpan(_length));
        _length += utf8.Length;
        return offset;
    }

    private void Grow()
    {
        var (oldSlots, oldHashes) = (_slots, _hashes);
        (_slots, _hashes) = (new int[oldSlots.Length * 2], new int[oldSlots.Length * 2]);
        var mask = _slots.Length - 1;
        for (var j = 0; j < oldSlots.Length; j++)
        {
            if (oldSlots[j] == 0) continue;
            var i = oldHashes[j] & mask;
            while (_slots[i] != 0) i = (i + 1) & mask;
            (_slots[i], _hashes[i]) = (oldSlots[j], oldHashes[j]);
        }
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var h = new HashCode();
        h.AddBytes(utf8);
        return h.ToHashCode() & int.MaxValue;
    }
}
