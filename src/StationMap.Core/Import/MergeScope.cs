namespace StationMap.Import;

/// <summary>
/// Which staged rows a merge statement works on (as <c>st</c>). While a commit merges as it reads, each chunk is
/// copied into <c>import_chunk</c> and its coded rows are merged from there; what cannot be merged yet — code-less
/// rows (whether one IS a stored station depends on every code in the file), or every row after the first rejection,
/// or all rows of a dry run — waits in <c>import_staging</c> for the final pass, which then works as a one-shot merge.
/// </summary>
internal readonly record struct MergeScope(string Table, string Filter)
{
    /// <summary>The current chunk's rows that came with a code.</summary>
    public static MergeScope Chunk { get; } = new("import_chunk", "st.coded");

    /// <summary>Every row left for the final pass.</summary>
    public static MergeScope Rest { get; } = new("import_staging", "true");

    /// <summary>Rows left for the final pass that came without a code (the stored-duplicate check of coded rows runs in .NET).</summary>
    public static MergeScope Codeless { get; } = new("import_staging", "NOT st.coded");
}
