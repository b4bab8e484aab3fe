using System.Text.Json.Serialization;

namespace StationMap.Import;

/// <summary>
/// One problem in the file: <see cref="Row"/> as Excel shows it (header = 1, first data row = 2; 0 = the file
/// itself), <see cref="Column"/> as the header is written in the file, a stable code and a bilingual message.
/// </summary>
public sealed record ImportProblem(int Row, string Column, string Code, string Message)
{
    public static ImportProblem Of(int row, string column, string code, string chinese, string english) =>
        new(row, column, code, $"{chinese} / {english}");

    public static ImportProblem File(string code, string chinese, string english) => Of(0, "", code, chinese, english);

    /// <summary>The database failed mid-import (not the file's fault): nothing was stored, and trying again may work.</summary>
    public const string DatabaseError = "database_error";

    /// <summary>The job was cancelled on request: nothing was stored.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The process ended while the job ran (found at start-up): nothing was stored.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Codes of a file refused for its size (413 rather than 400).</summary>
    public static readonly IReadOnlySet<string> TooLarge = new HashSet<string>
        { "file_too_large", "too_many_rows", "cell_too_long", "too_large_expanded", "shared_strings_too_large", "zip_bomb", "too_many_columns" };
}

/// <summary>Row counts of one import. <see cref="Total"/> counts non-empty data rows.</summary>
public sealed record ImportCounts(int Total, int Inserted, int Updated, int Unchanged, int Rejected);

/// <summary>What an import did (or, in a dry run, would do).</summary>
public sealed record ImportReport
{
    public long JobId { get; init; }
    public required string FileName { get; init; }
    public required string Format { get; init; }
    public string? Encoding { get; init; }
    public string? Sheet { get; init; }
    public bool DryRun { get; init; }
    /// <summary>True when rows were written; false for a dry run or a refused commit.</summary>
    public bool Committed { get; init; }
    public required ImportCounts Counts { get; init; }
    public List<ImportProblem> Warnings { get; init; } = [];
    public List<ImportProblem> Errors { get; init; } = [];
    /// <summary>Rows based on an older version than the stored station (who changed what since, and when).</summary>
    public List<ImportConflict> Conflicts { get; init; } = [];
    /// <summary>True when more problems existed than the report keeps (see ImportOptions.MaxReportedProblems).</summary>
    public bool Truncated { get; init; }

    /// <summary>The file as a whole was refused (format, size, limits, a missing column): nothing was even checked row by row.</summary>
    [JsonIgnore] public bool Refused => Errors.Any(e => e.Row == 0 || e.Code == "missing_column");
}

/// <summary>A row whose 版本 is older than the stored station's: <see cref="ChangedBy"/> and <see cref="ChangedAt"/> are
/// the edits after the row's version, <see cref="Fields"/> the fields (snapshot names) that differ between the row's
/// version and the stored one (null when that version's history is missing). <see cref="Overwritten"/>: the user
/// confirmed with overwriteNewer, so the row is (or in a dry run would be) written anyway.</summary>
public sealed record ImportConflict(int Row, string Code, int FileVersion, int StoredVersion, string? ChangedBy,
    DateTimeOffset? ChangedAt, IReadOnlyList<string>? Fields, bool Overwritten);
