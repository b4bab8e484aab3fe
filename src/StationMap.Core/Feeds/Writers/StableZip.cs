using System.IO.Compression;
using System.Security.Cryptography;

namespace StationMap.Feeds.Writers;

/// <summary>
/// Re-packs an xlsx so the same content gives the same bytes and SHA-256 on every export (idempotent exports):
/// the zip records each entry's write time, so every entry gets one fixed timestamp. The parts themselves are
/// already deterministic (fixed relationship ids, rows in order).
/// </summary>
internal static class StableZip
{
    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (long Bytes, string Sha256) Rewrite(string from, string to)
    {
        using (var input = ZipFile.OpenRead(from))
        using (var output = new ZipArchive(new FileStream(to, FileMode.Create), ZipArchiveMode.Create))
        {
            foreach (var entry in input.Entries)
            {
                var copy = output.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Epoch;
                using var source = entry.Open();
                using var target = copy.Open();
                source.CopyTo(target);
            }
        }
        using var file = File.OpenRead(to);
        return (file.Length, Convert.ToHexStringLower(SHA256.HashData(file)));
    }
}
