using System.Runtime.ExceptionServices;

namespace StationMap.Import;

/// <summary>
/// Which of a sheet's first rows is the header. District sheets put a title ("海淀区工会驿站统计表"), a
/// "填报单位/日期" line or a two-row header (坐标 merged over 经度/纬度) above the stations, so the header is the row,
/// among the first <see cref="RowsScanned"/> non-empty ones, that names the most known columns and has every required
/// one; a row of column names under the row above it completes that row (坐标 merged over 经度/纬度). Without such a row,
/// the row naming the most columns is taken (the first non-empty one when none names any), and the missing columns
/// are reported as before.
/// </summary>
public sealed class HeaderRule
{
    /// <summary>Non-empty rows looked at for the header.</summary>
    public const int RowsScanned = 10;

    /// <summary>Empty rows between the first non-empty row and the header: more, and the search stops.</summary>
    public const int EmptyRowsScanned = 100;

    /// <summary>The import's columns (<see cref="ImportHeaders"/>) and its required ones (<see cref="ColumnMap"/>).</summary>
    public static readonly HeaderRule Import = new();

    /// <summary>What a header must hold, for messages.</summary>
    public static string RequiredChinese => "站点名称、地址、行政区划代码、经纬度";
    public static string RequiredEnglish => "name, address, adcode, lng/lat";

    /// <summary>The header among <paramref name="rows"/> (non-empty rows, in sheet order): the index of its first row,
    /// how many rows it spans (1 or 2), its cells, and whether it has every required column.</summary>
    public Header Choose(IReadOnlyList<(int Number, string?[] Cells)> rows)
    {
        if (rows.Count == 0) return new Header(-1, 0, [], false);
        Header? best = null;
        var bestScore = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Cells;
            Consider(new Header(i, 1, cells, Complete(cells)));
            if (i + 1 < rows.Count && rows[i + 1].Number == rows[i].Number + 1 && IsSubHeader(cells, rows[i + 1].Cells))
            {
                var joined = Joined(cells, rows[i + 1].Cells);
                // Only when each row alone names fewer columns: a 填报单位 line above a full header adds nothing.
                if (Score(joined) > Math.Max(Score(cells), Score(rows[i + 1].Cells))) Consider(new Header(i, 2, joined, Complete(joined)));
            }
        }
        return best ?? new Header(0, 1, rows[0].Cells, false);

        // A complete header beats any incomplete one; then more known columns; then the earlier row.
        void Consider(Header candidate)
        {
            var score = Score(candidate.Cells);
            if (score == 0) return;
            if (best is null || (candidate.Complete && !best.Complete) || (candidate.Complete == best.Complete && score > bestScore))
                (best, bestScore) = (candidate, score);
        }
    }

    /// <summary>The parent row's cells with the lower row's names in their place where it has one.</summary>
    private static string?[] Joined(string?[] upper, string?[] lower)
    {
        var cells = new string?[Math.Max(upper.Length, lower.Length)];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = i < lower.Length && !string.IsNullOrWhiteSpace(lower[i]) ? lower[i] : i < upper.Length ? upper[i] : null;
        return cells;
    }

    /// <summary>Whether <paramref name="lower"/> reads as the second row of a header under <paramref name="upper"/>: it
    /// names at least one known column, and under every known name above it holds a known name or nothing (a data row
    /// holds values there).</summary>
    private static bool IsSubHeader(string?[] upper, string?[] lower)
    {
        var names = 0;
        for (var i = 0; i < lower.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lower[i])) continue;
            var known = ImportHeaders.Find(lower[i]) is not null;
            if (known) names++;
            else if (i < upper.Length && ImportHeaders.Find(upper[i]) is not null) return false;
        }
        return names > 0;
    }

    private static int Score(string?[] cells) => Fields(cells).Count;

    private static bool Complete(string?[] cells) => ColumnMap.HasRequired(Fields(cells));

    private static HashSet<ImportField> Fields(string?[] cells)
    {
        var fields = new HashSet<ImportField>();
        foreach (var c in cells)
            if (ImportHeaders.Find(c) is { } f) fields.Add(f);
        return fields;
    }

    /// <summary>The header chosen: <see cref="Index"/> of its first row among the rows given (-1: none), its
    /// <see cref="Span"/> in rows, its cells, and whether it names every required column.</summary>
    public sealed record Header(int Index, int Span, string?[] Cells, bool Complete);
}

/// <summary>
/// Reads a sheet's first rows and picks its header: the first non-empty row without a rule (result files, demand
/// points), <see cref="HeaderRule.Choose"/> with one. The rows read past the header are handed back, so that no row is
/// lost and none is read twice; at most <see cref="HeaderRule.RowsScanned"/> rows are held. A row that cannot be read
/// (broken XML, a row too wide) once a row has been read ends the search; its error is handed back to be thrown where
/// the rows reach it, so a file damaged part way still reports the rows before the damage.
/// </summary>
internal static class HeaderScan
{
    /// <summary><paramref name="next"/> gives the sheet's rows in order (null at the end). Returns the header's cells,
    /// the sheet row number of its last row (0: no header), whether it is complete, the non-empty rows read past it,
    /// the numbers of the non-empty rows above it (skipped), and the error that stopped the reading, if one did.</summary>
    public static (string?[] Cells, int Row, bool Complete, Queue<(int Number, string?[] Cells)> After, int[] Above, ExceptionDispatchInfo? Failure) Find(
        Func<(int Number, string?[] Cells)?> next, HeaderRule? rule)
    {
        var rows = new List<(int Number, string?[] Cells)>();
        var wanted = rule is null ? 1 : HeaderRule.RowsScanned;
        var empty = 0;
        ExceptionDispatchInfo? failure = null;
        while (rows.Count < wanted)
        {
            (int Number, string?[] Cells)? read;
            try
            {
                read = next();
            }
            catch (Exception e) when (rows.Count > 0 && e is not OutOfMemoryException and not OperationCanceledException)
            {
                failure = ExceptionDispatchInfo.Capture(e);
                break;
            }
            if (read is not { } row) break;
            if (row.Cells.All(string.IsNullOrWhiteSpace))
            {
                if (rows.Count > 0 && ++empty > HeaderRule.EmptyRowsScanned) break;
                continue;
            }
            rows.Add(row);
        }
        var header = rule?.Choose(rows) ?? (rows.Count == 0 ? new HeaderRule.Header(-1, 0, [], false) : new HeaderRule.Header(0, 1, rows[0].Cells, false));
        // The damage may be where the header was: say the file is damaged, not that its columns are missing.
        if (failure is not null && rule is not null && !header.Complete) failure.Throw();
        if (header.Index < 0) return ([], 0, false, new(), [], failure);
        var last = header.Index + header.Span - 1;
        return (header.Cells, rows[last].Number, header.Complete, new Queue<(int, string?[])>(rows.Skip(last + 1)),
            rows.Take(header.Index).Select(r => r.Number).ToArray(), failure);
    }
}
