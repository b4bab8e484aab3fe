using System.Text.Json;

namespace StationMap.Import;

/// <summary>One upload, dry run or commit: who, when, which file (name and SHA-256), the counts and every problem.</summary>
public sealed class ImportJob
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>queued, running, succeeded, failed or cancelled (see <see cref="ImportStatus"/>).</summary>
    public string Status { get; set; } = ImportStatus.Queued;
    public required string Actor { get; set; }
    public required string OrgAdcode { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public long FileBytes { get; set; }
    public string? Format { get; set; }
    public string? Encoding { get; set; }
    public string? Sheet { get; set; }
    public string? Coordsys { get; set; }
    public bool DryRun { get; set; }
    public bool SkipInvalid { get; set; }
    /// <summary>The user confirmed overwriting stations changed after the rows' 版本.</summary>
    public bool OverwriteNewer { get; set; }
    public bool Committed { get; set; }
    public int Total { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public bool Truncated { get; set; }
    /// <summary>List of <see cref="ImportProblem"/> (jsonb).</summary>
    public JsonDocument? Errors { get; set; }
    public JsonDocument? Warnings { get; set; }
    /// <summary>List of <see cref="ImportConflict"/> (jsonb): rows based on an older version than the stored station.</summary>
    public JsonDocument? Conflicts { get; set; }
    /// <summary>The rejected rows as read ({headers, rows: [{row, cells, errors}]}), for the error workbook.</summary>
    public JsonDocument? RejectedRows { get; set; }
}

/// <summary>Where a job is. Failed: the file was refused or the database failed (nothing stored); cancelled: stopped on
/// request (nothing stored); succeeded: the report is final (it may list rejected rows).</summary>
public static class ImportStatus
{
    public const string Queued = "queued", Running = "running", Succeeded = "succeeded", Failed = "failed", Cancelled = "cancelled";

    public static bool IsDone(string status) => status is Succeeded or Failed or Cancelled;
}
