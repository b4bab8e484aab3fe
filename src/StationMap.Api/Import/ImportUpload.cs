using Microsoft.AspNetCore.Http.Features;
using StationMap.Common;
using StationMap.Geo;
using StationMap.Import;

namespace StationMap.Api;

/// <summary>The multipart upload and its parameters (query or form), read by hand so that an oversize or
/// malformed body becomes a 413/400 ProblemDetails rather than an exception.</summary>
internal sealed record ImportUpload(IFormFile File, string? Coordsys, bool DryRun, bool SkipInvalid, string? Sheet, bool OverwriteNewer = false)
{
    /// <summary>Multipart framing and the small form fields on top of the file itself.</summary>
    public const long Overhead = 1024 * 1024;

    public static async Task<(ImportUpload? Upload, IResult? Problem)> ReadAsync(HttpRequest request, ImportOptions options, CancellationToken ct)
    {
        if (request.ContentLength > options.MaxFileBytes + Overhead) return (null, TooLarge(options));
        // Kestrel's default (30 MB) is below the import limit: raise it for this request only (the metadata on the
        // endpoint says the same; setting the feature here does not depend on which middleware honours it).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = options.MaxFileBytes + Overhead;
        if (!request.HasFormContentType)
            return (null, Problems.Parameter("file", "请以 multipart/form-data 上传文件（字段名 file）", "upload the file as multipart/form-data (field 'file')"));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(options));
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? TooLarge(options)
                : Problems.Parameter("file", "上传内容无法读取", "the upload could not be read: " + e.Message));
        }
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0)
            return (null, Problems.Parameter("file", "没有收到文件（字段名 file），或文件为空", "no file received (field 'file'), or it is empty"));
        if (file.Length > options.MaxFileBytes) return (null, TooLarge(options));

        // The query string, else the form field; an empty query value ("coordsys=") leaves the form's in force.
        string? Value(string name) => request.Query[name].FirstOrDefault() is { Length: > 0 } query ? query : form[name].FirstOrDefault();
        // Every parameter is checked here, before a job exists: a bad one is a 400 naming it, not a failed job later.
        var errors = new List<FieldError>();
        QueryParameters.RejectUnknown(request.Query, Known, errors);
        var coordsys = QueryParameters.FileCoordsys(Value("coordsys"), "coordsys", errors);
        var dryRun = QueryParameters.Bool(Value("dryRun"), "dryRun", true, errors);
        var skip = QueryParameters.Bool(Value("skipInvalid"), "skipInvalid", false, errors);
        var overwrite = QueryParameters.Bool(Value("overwriteNewer"), "overwriteNewer", false, errors);
        var sheet = SheetName(Value("sheet"), file.FileName, errors);
        if (errors.Count > 0) return (null, Problems.Validation(errors));
        return (new ImportUpload(file, coordsys?.ToWire(), dryRun, skip, sheet, overwrite), null);
    }

    private static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "coordsys", "dryRun", "skipInvalid", "overwriteNewer", "sheet" };

    /// <summary>A worksheet name Excel could hold (1 to 31 characters, none of : \ / ? * [ ]), for an .xlsx only; null when absent.</summary>
    private static string? SheetName(string? text, string fileName, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var name = text.Trim();
        if (name.Length > MaxSheetName || name.IndexOfAny(SheetForbidden) >= 0 || name.Any(char.IsControl))
            errors.Add(FieldError.Of("sheet", "invalid_parameter", $"sheet 不是有效的工作表名称（1 到 {MaxSheetName} 个字符，不含 : \\ / ? * [ ]）：'{text}'",
                $"sheet is not a valid worksheet name (1 to {MaxSheetName} characters, none of : \\ / ? * [ ]): '{text}'"));
        else if (UploadedFile.FormatOf(fileName) == "csv")
            errors.Add(FieldError.Of("sheet", "invalid_parameter", $"sheet 只适用于 .xlsx 文件，{fileName} 是 CSV", $"sheet applies to .xlsx files only; {fileName} is CSV"));
        return name;
    }

    private const int MaxSheetName = 31; // Excel's limit
    private static readonly char[] SheetForbidden = [':', '\\', '/', '?', '*', '[', ']'];

    public static IResult TooLarge(ImportOptions options) => Problems.Status(StatusCodes.Status413PayloadTooLarge,
        "文件过大 / file too large",
        $"上传文件不能超过 {options.MaxFileBytes / 1048576} MB / the file may not exceed {options.MaxFileBytes / 1048576} MB");

    public static FormOptions FormLimits(ImportOptions options) => new() { MultipartBodyLengthLimit = options.MaxFileBytes + Overhead };
}
