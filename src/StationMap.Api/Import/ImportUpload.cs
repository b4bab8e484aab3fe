using Microsoft.AspNetCore.Http.Features;
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

        string? Value(string name) => request.Query[name].FirstOrDefault() ?? form[name].FirstOrDefault();
        var (dryRun, dryError) = Flag(Value("dryRun"), true, "dryRun");
        var (skip, skipError) = Flag(Value("skipInvalid"), false, "skipInvalid");
        var (overwrite, overwriteError) = Flag(Value("overwriteNewer"), false, "overwriteNewer");
        if ((dryError ?? skipError ?? overwriteError) is { } error) return (null, error);
        return (new ImportUpload(file, Value("coordsys"), dryRun, skip, Value("sheet"), overwrite), null);
    }

    private static (bool, IResult?) Flag(string? text, bool fallback, string name)
    {
        var errors = new List<StationMap.Common.FieldError>();
        var value = QueryParameters.Bool(text, name, fallback, errors);
        return (value, errors.Count > 0 ? Problems.Validation(errors) : null);
    }

    public static IResult TooLarge(ImportOptions options) => Problems.Status(StatusCodes.Status413PayloadTooLarge,
        "文件过大 / file too large",
        $"上传文件不能超过 {options.MaxFileBytes / 1048576} MB / the file may not exceed {options.MaxFileBytes / 1048576} MB");

    public static FormOptions FormLimits(ImportOptions options) => new() { MultipartBodyLengthLimit = options.MaxFileBytes + Overhead };
}
