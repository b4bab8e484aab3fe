namespace StationMap.Import;

/// <summary>Collects problems up to a cap (the counts stay exact) and remembers which rows were rejected.</summary>
internal sealed class ProblemLog(int cap)
{
    public List<ImportProblem> Errors { get; } = [];
    public List<ImportProblem> Warnings { get; } = [];
    public SortedSet<int> RejectedRows { get; } = [];
    public bool Truncated { get; private set; }
    public bool HasFileErrors => Errors.Any(e => e.Row == 0 || (e.Row == 1 && e.Code == "missing_column"));

    public void AddErrors(IEnumerable<ImportProblem> problems)
    {
        foreach (var p in problems)
        {
            if (p.Row > 1) RejectedRows.Add(p.Row);
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
        if (Errors.Count + Warnings.Count < cap || p.Row <= 1) list.Add(p);
        else Truncated = true;
    }
}
