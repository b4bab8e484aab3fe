using System.IO.Compression;

namespace StationMap.Import;

/// <summary>Looks at an xlsx's zip directory (sizes only, nothing inflated) before anything parses it.</summary>
internal static class ZipBombGuard
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
                return Refuse(errors, "zip_bomb", "文件解压后过大，拒绝读取", "the workbook expands to more than the allowed size; refused");
            seekable.Position = 0;
            return true;
        }
        catch (InvalidDataException)
        {
            return Refuse(errors, "corrupt_file", "文件已损坏或不是有效的 .xlsx", "the file is damaged or not a valid .xlsx");
        }
    }

    private static bool Refuse(List<ImportProblem> errors, string code, string zh, string en)
    {
        errors.Add(ImportProblem.File(code, zh, en));
        return false;
    }
}
