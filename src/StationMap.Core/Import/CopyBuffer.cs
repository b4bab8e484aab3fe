using System.Buffers;

namespace StationMap.Import;

/// <summary>
/// Bytes of binary COPY tuples, in pooled 64 KB segments: the reader thread encodes a chunk here while the connection
/// sends the previous one, and no chunk-sized array lands on the large-object heap. Spans handed out are contiguous.
/// </summary>
internal sealed class CopyBuffer : IBufferWriter<byte>, IDisposable
{
    private const int SegmentBytes = 64 * 1024;
    private readonly List<(byte[] Array, int Length)> _full = [];
    private byte[] _current = [];
    private int _used;

    /// <summary>Tuples written (the caller counts them with <see cref="EndTuple"/>).</summary>
    public int Tuples { get; private set; }

    public void EndTuple() => Tuples++;

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_current.Length - _used < sizeHint)
        {
            if (_used > 0) _full.Add((_current, _used));
            else if (_current.Length > 0) ArrayPool<byte>.Shared.Return(_current);
            _current = ArrayPool<byte>.Shared.Rent(Math.Max(SegmentBytes, sizeHint));
            _used = 0;
        }
        return _current.AsSpan(_used);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        GetSpan(sizeHint);
        return _current.AsMemory(_used);
    }

    public void Advance(int count) => _used += count;

    public async Task WriteToAsync(Stream output, CancellationToken ct)
    {
        foreach (var (array, length) in _full) await output.WriteAsync(array.AsMemory(0, length), ct);
        if (_used > 0) await output.WriteAsync(_current.AsMemory(0, _used), ct);
    }

    public void Dispose()
    {
        foreach (var (array, _) in _full) ArrayPool<byte>.Shared.Return(array);
        _full.Clear();
        if (_current.Length > 0) ArrayPool<byte>.Shared.Return(_current);
        (_current, _used) = ([], 0);
    }
}
