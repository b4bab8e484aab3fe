namespace StationMap.Import;

/// <summary>Collects problems up to a cap (the counts stay exact) and remembers which rows were rejected.</summary>
internal sealed class ProblemLog(int cap)
{
    public List<ImportProblem> Errors { get; } = [];
    public List<ImportProblem> Warnings { get; } = [];
    public SortedSet<int> RejectedRows { get; } = [];
    public bool Truncated { get; private set; }
    public bool HasFileErrors => Errors.Any(e => e.Row == 0 || e.Code == "missing_column");

    /// <summary>The header's problems: on the header's row, which is not always row 1 (a title row above it is skipped),
    /// or on the rows above it.</summary>
    private static readonly HashSet<string> HeaderCodes = ["missing_column", "unknown_column", "duplicate_column", "above_header"];

    private static bool AboutTheFile(ImportProblem p) => p.Row <= 1 || HeaderCodes.Contains(p.Code);

    public void AddErrors(IEnumerable<ImportProblem> problems)
    {
        foreach (var p in problems)
        {
            if (!AboutTheFile(p)) RejectedRows.Add(p.Row);
            Keep(Errors, p);
        }
    }

    public void AddWarnings(IEnumerable<ImportProblem> problems)
    {
        foreach (var p in problems) Keep(Warnings, p);
    }

    private void Keep(List<ImportProblem> list, ImportProblem p)
    {
        // Problems with the file itself (row 0, header row) decide whether anything runs: never dropped.
        if (Errors.Count + Warnings.Count < cap || AboutTheFile(p)) list.Add(p);
        else Truncated = true;
    }
}
