using System.ComponentModel.DataAnnotations;

namespace StationMap.Import;

/// <summary>Limits for one upload ("Import" section of the configuration).</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
    [Range(1, int.MaxValue)]
    public int MaxRows { get; set; } = 500_000;
    /// <summary>Zip-bomb guard for .xlsx: total uncompressed bytes of all entries (MaxRows of real rows fit).</summary>
    [Range(1, long.MaxValue)]
    public long MaxUncompressedBytes { get; set; } = 700L * 1024 * 1024;
    /// <summary>The shared-strings part of an .xlsx, uncompressed: every cell may reference one string.</summary>
    [Range(1, long.MaxValue)]
    public long MaxSharedStringsBytes { get; set; } = 150L * 1024 * 1024;
    /// <summary>The longest cell read: the longest field (notes) allows this many characters.</summary>
    [Range(1, int.MaxValue)]
    public int MaxCellChars { get; set; } = 2000;
    /// <summary>Uploads (imports and result files) processed at once; more wait in a queue.</summary>
    [Range(1, 64)]
    public int MaxConcurrentUploads { get; set; } = 2;
    /// <summary>Imports waiting to run; beyond this an upload is refused with 503 and Retry-After.</summary>
    [Range(1, int.MaxValue)]
    public int MaxQueuedImports { get; set; } = 50;
    /// <summary>Zip-bomb guard: no entry may expand more than this many times (sheet XML is ~10–30×).</summary>
    [Range(1, int.MaxValue)]
    public int MaxCompressionRatio { get; set; } = 200;
    /// <summary>Margin around the adcode's province box before a point is an error (the boxes are coarse).</summary>
    [Range(0, 1000)]
    public double ProvinceMarginKm { get; set; } = 5;
    /// <summary>Two stations closer than this with similar names are reported as probable duplicates.</summary>
    [Range(0, 10_000)]
    public double DuplicateRadiusMetres { get; set; } = 20;
    /// <summary>How many problems the job keeps (and the report returns); the count is always exact.</summary>
    [Range(1, int.MaxValue)]
    public int MaxReportedProblems { get; set; } = 5_000;
    /// <summary>How many rejected rows (their cells, for the error workbook) the job keeps.</summary>
    [Range(0, int.MaxValue)]
    public int MaxRejectedRowsKept { get; set; } = 1_000;

    public SheetLimits Limits => new(MaxRows, MaxCellChars);
}
