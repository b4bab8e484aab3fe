using System.Text;

namespace StationMap.Feeds.Writers;

internal static class FeedEncodings
{
    static FeedEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>utf-8-bom writes the BOM so Excel and WPS open Chinese text correctly; gbk is code page 936.</summary>
    public static Encoding Of(string name) => name switch
    {
        "utf-8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        "utf-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        "gbk" => Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown encoding"),
    };
}
