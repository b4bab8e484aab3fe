using System.IO.Compression;

namespace StationMap.Import;

/// <summary>
/// Looks at an xlsx's zip directory before the xlsx library sees it: macros, entry count, compression ratio, total
/// expanded size, and the shared strings (every cell may point at one string, so their size is limited on its own).
/// The shared-strings part is also inflated once through a counter, since a zip directory can understate sizes.
/// </summary>
internal static class ZipGuard
{
    public static bool Check(Stream seekable, ImportOptions options, List<ImportProblem> errors)
    {
        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                var ratio = e.CompressedLength == 0 ? (e.Length == 0 ? 0 : double.PositiveInfinity) : (double)e.Length / e.CompressedLength;
                if (e.FullName.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
                    return Refuse(errors, "macro_workbook", "文件包含宏，不予读取，请另存为不含宏的 .xlsx", "the workbook contains macros; save as a macro-free .xlsx");
                if (ratio > options.MaxCompressionRatio && e.Length > 1024 * 1024)
                    return Refuse(errors, "zip_bomb", $"文件内部压缩比异常（{e.FullName}），拒绝读取", $"suspicious compression ratio in {e.FullName}; refused");
            }
            if (zip.Entries.Count > 10_000 || total > options.MaxUncompressedBytes)
                return Refuse(errors, "too_large_expanded", $"文件解压后超过 {options.MaxUncompressedBytes / 1048576} MB，拒绝读取",
                    $"the workbook expands to more than {options.MaxUncompressedBytes / 1048576} MB; refused");
            var shared = zip.Entries.FirstOrDefault(e => e.FullName.TrimStart('/').Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase));
            if (shared is not null && (shared.Length > options.MaxSharedStringsBytes || Inflated(shared, options.MaxSharedStringsBytes) > options.MaxSharedStringsBytes))
                return Refuse(errors, "shared_strings_too_large", $"文件的共享字符串超过 {options.MaxSharedStringsBytes / 1048576} MB，拒绝读取",
                    $"the workbook's shared strings exceed {options.MaxSharedStringsBytes / 1048576} MB; refused");
            seekable.Position = 0;
            return true;
        }
        catch (InvalidDataException)
        {
            return Refuse(errors, "corrupt_file", "文件已损坏或不是有效的 .xlsx", "the file is damaged or not a valid .xlsx");
        }
    }

    /// <summary>The entry's real inflated size, counted up to just past <paramref name="cap"/>.</summary>
    private static long Inflated(ZipArchiveEntry entry, long cap)
    {
        using var s = entry.Open();
        var buffer = new byte[81920];
        long n = 0;
        int read;
        while ((read = s.Read(buffer)) > 0 && n <= cap) n += read;
        return n;
    }

    private static bool Refuse(List<ImportProblem> errors, string code, string zh, string en)
    {
        errors.Add(ImportProblem.File(code, zh, en));
        return false;
    }
}
