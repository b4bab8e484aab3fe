namespace StationMap.Import;

/// <summary>
/// Decides whether an uploaded file is something we read (.csv, .xlsx) and opens it; refuses .xls, .xlsm,
/// macro workbooks, oversize files and zip bombs with a clear message before any parsing, and reads the rest
/// through <see cref="GuardedSheet"/>: the one way an uploaded spreadsheet is read.
/// </summary>
public static class UploadedFile
{
    public static string? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" or ".tsv" => "csv",
        ".xlsx" => "xlsx",
        _ => null,
    };

    /// <summary>Opens the file's table. With a <paramref name="rule"/> (imports) the header is the row it picks among the
    /// first rows, and an xlsx without a <paramref name="sheet"/> name is read from its first sheet with such a header;
    /// without one (result files, demand points) the header is the first non-empty row of the first sheet.</summary>
    public static ISheetSource? Open(Stream seekable, string fileName, string? sheet, ImportOptions options, List<ImportProblem> errors, HeaderRule? rule = null)
    {
        if (seekable.Length > options.MaxFileBytes)
            return Fail(errors, "file_too_large", $"文件过大（{seekable.Length / 1048576.0:0.#} MB），上限 {options.MaxFileBytes / 1048576} MB",
                $"file too large ({seekable.Length / 1048576.0:0.#} MB); the limit is {options.MaxFileBytes / 1048576} MB");
        var head = new byte[8];
        var n = seekable.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        seekable.Position = 0;
        var isZip = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        var isOle = n >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0;
        var ext = Path.GetExtension(fileName).ToLowerInvariant();

        if (ext is ".xls" || isOle)
            return Fail(errors, "unsupported_format", "不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为 .xlsx”后上传",
                "old Excel files (.xls) are not supported; save as .xlsx in Excel and upload again");
        if (ext is ".xlsm" or ".xlsb" or ".xltm")
            return Fail(errors, "unsupported_format", $"不支持 {ext} 文件（含宏或二进制格式），请另存为 .xlsx",
                $"{ext} files (macros or binary) are not supported; save as .xlsx");
        switch (FormatOf(fileName))
        {
            case "csv" when !isZip:
                CsvSheet? csv = null;
                try
                {
                    csv = new CsvSheet(seekable, rule);
                    return new GuardedSheet(csv, options.Limits);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    csv?.Dispose();
                    // A header past a limit (a cell too long) is refused as in an xlsx; anything else is a damaged file.
                    if (e is SheetLimitException) throw;
                    return Fail(errors, "corrupt_file", $"文件无法读取：{e.Message}", $"the file cannot be read: {e.Message}");
                }
            case "xlsx" when isZip:
                if (!ZipGuard.Check(seekable, options, errors) || XlsxSheet.Open(seekable, sheet, errors, options, rule) is not { } xlsx) return null;
                try
                {
                    return new GuardedSheet(xlsx, options.Limits);
                }
                catch
                {
                    xlsx.Dispose(); // the header was refused (a cell too long): the caller never gets the sheet to close
                    throw;
                }
            case "csv" or "xlsx":
                return Fail(errors, "content_mismatch", "文件内容与扩展名不符", "the file's content does not match its extension");
            default:
                return Fail(errors, "unsupported_format", $"不支持的文件类型“{ext}”，请上传 .xlsx 或 .csv",
                    $"unsupported file type '{ext}'; upload .xlsx or .csv");
        }
    }

    private static ISheetSource? Fail(List<ImportProblem> errors, string code, string zh, string en)
    {
        errors.Add(ImportProblem.File(code, zh, en));
        return null;
    }
}
