namespace StationMap.Import;

/// <summary>
/// Which staged rows a merge statement works on (as <c>st</c>). While a commit merges as it reads, each chunk's fresh
/// rows (new codes) are copied into the <see cref="FreshFeed"/>'s table and inserted from there; everything else —
/// updates of stored stations (checked for scope and compared in one set-based pass, much cheaper than per chunk), code-less
/// rows (whether one IS a stored station depends on every code in the file), every row after the first rejection,
/// all rows of a dry run — waits in <c>import_staging</c> for the final pass, a one-shot merge as before.
/// </summary>
internal readonly record struct MergeScope(string Table, string Filter)
{
    /// <summary>Every row left for the final pass.</summary>
    public static MergeScope Rest { get; } = new("import_staging", "true");

    /// <summary>Rows left for the final pass that came without a code (the stored-duplicate check of coded rows runs in .NET).</summary>
    public static MergeScope Codeless { get; } = new("import_staging", "NOT st.coded");
}
