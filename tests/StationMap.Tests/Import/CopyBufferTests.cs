using StationMap.Import;

namespace StationMap.Tests.Import;

public class CopyBufferTests
{
    [Fact]
    public async Task Spans_are_contiguous_across_segments_and_the_bytes_come_out_in_order()
    {
        using var buffer = new CopyBuffer();
        var expected = new List<byte>();
        var random = new Random(5);
        // Small writes, a write across a segment boundary and one larger than a segment.
        foreach (var size in new[] { 3, 65_530, 10, 200_000, 1, 70_000 })
        {
            var span = buffer.GetSpan(size);
            Assert.True(span.Length >= size);
            var bytes = new byte[size];
            random.NextBytes(bytes);
            bytes.CopyTo(span);
            buffer.Advance(size);
            expected.AddRange(bytes);
            buffer.EndTuple();
        }
        using var output = new MemoryStream();
        await buffer.WriteToAsync(output, CancellationToken.None);
        Assert.Equal(expected.ToArray(), output.ToArray());
        Assert.Equal(6, buffer.Tuples);
    }
}
