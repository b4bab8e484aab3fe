using StationMap.Auth;

namespace StationMap.Import;

/// <summary>One upload to import. <paramref name="Content"/> must be seekable (a temp file): it is hashed,
/// inspected and read again to copy rejected rows into the error workbook. <paramref name="OverwriteNewer"/>: the user
/// confirmed that rows based on an older version than the stored one may overwrite it (see docs/import.md).</summary>
public sealed record ImportRequest(
    string FileName,
    Stream Content,
    StaffIdentity Who,
    string? Coordsys = null,
    bool DryRun = true,
    bool SkipInvalid = false,
    string? Sheet = null,
    IProgress<ImportProgress>? Progress = null,
    bool OverwriteNewer = false);

/// <summary>Rows read so far, of them valid, rows written (after the merge), and the share of the file's bytes consumed.</summary>
public readonly record struct ImportProgress(int Rows, double Fraction, string Stage, int Valid = 0, int Written = 0);
