namespace StationMap.Import;

/// <summary>One data row as read: its number as Excel shows it and the cells as text (null = empty).</summary>
public readonly record struct RawRow(int Number, string?[] Cells)
{
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A table read from a CSV or xlsx file, row by row, never all at once.</summary>
public interface ISheetSource : IDisposable
{
    IReadOnlyList<string?> Headers { get; }
    /// <summary>The header's (last) row as the sheet numbers it; the data rows follow it. 0 when the sheet is empty.</summary>
    int HeaderRow { get; }
    /// <summary>Rows with a value above the header (a title, a 填报单位 line): skipped, never imported.</summary>
    IReadOnlyList<int> RowsAbove { get; }
    /// <summary>The detected text encoding (CSV) or null.</summary>
    string? Encoding { get; }
    /// <summary>The sheet read (xlsx) or null.</summary>
    string? Sheet { get; }
    IEnumerable<RawRow> Rows();
}
