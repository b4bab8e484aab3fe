using System.Text;
using UtfUnknown;

namespace StationMap.Import;

/// <summary>
/// Which encoding a CSV is in: a BOM wins; otherwise text that is valid UTF-8 is UTF-8; anything else is
/// read as GB18030 (a superset of GBK and GB2312, what Chinese Excel writes), with UTF.Unknown's guess reported.
/// </summary>
public static class TextEncodingSniffer
{
    private const int SampleBytes = 256 * 1024;

    static TextEncodingSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (Encoding Encoding, string Name) Detect(Stream seekable)
    {
        var start = seekable.Position;
        var sample = new byte[SampleBytes];
        var read = seekable.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        seekable.Position = start;
        var bytes = sample.AsSpan(0, read);

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (new UTF8Encoding(false), "utf-8 (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode, "utf-16le (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode, "utf-16be (BOM)");
        if (IsUtf8(bytes, truncated: read == SampleBytes)) return (new UTF8Encoding(false), "utf-8");

        var guess = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected?.EncodingName ?? "unknown";
        var gb = Encoding.GetEncoding("GB18030");
        var chinese = guess.StartsWith("gb", StringComparison.OrdinalIgnoreCase) || guess.Contains("hz", StringComparison.OrdinalIgnoreCase);
        return (gb, chinese ? $"gb18030 (detected {guess.ToLowerInvariant()})" : $"gb18030 (assumed; detector said {guess.ToLowerInvariant()})");
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool truncated)
    {
        // A sample cut in the middle of a character must not count against UTF-8.
        if (truncated)
        {
            var cut = bytes.Length;
            for (var back = 1; back <= 3 && cut - back >= 0; back++)
            {
                var b = bytes[cut - back];
                if ((b & 0xC0) == 0xC0) { bytes = bytes[..(cut - back)]; break; }
                if ((b & 0x80) == 0) break;
            }
        }
        return System.Text.Unicode.Utf8.IsValid(bytes);
    }
}
