using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace StationMap.Feeds.Writers;

/// <summary>
/// Re-packs an xlsx so the same content gives the same bytes and SHA-256 on every export (idempotent exports):
/// a fixed timestamp on every entry, and MiniExcel's random relationship ids ("R" + GUID) renumbered in order.
/// </summary>
internal static partial class StableZip
{
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (long Bytes, string Sha256) Rewrite(string from, string to)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var input = ZipFile.OpenRead(from))
        using (var output = new ZipArchive(new FileStream(to, FileMode.Create), ZipArchiveMode.Create))
        {
            foreach (var entry in input.Entries)
            {
                var copy = output.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Epoch;
                using var source = entry.Open();
                using var target = copy.Open();
                if (entry.FullName is "xl/workbook.xml" or "xl/_rels/workbook.xml.rels") Renumber(source, target, ids);
                else source.CopyTo(target);
            }
        }
        using var file = File.OpenRead(to);
        return (file.Length, Convert.ToHexStringLower(SHA256.HashData(file)));
    }

    private static void Renumber(Stream source, Stream target, Dictionary<string, string> ids)
    {
        using var reader = new StreamReader(source, Encoding.UTF8);
        var text = RandomId().Replace(reader.ReadToEnd(), m => ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = $"\"rIdSheet{ids.Count + 1}\"");
        using var writer = new StreamWriter(target, new UTF8Encoding(true));
        writer.Write(text);
    }

    [GeneratedRegex("\"R[0-9a-f]{32}\"")]
    private static partial Regex RandomId();
}
