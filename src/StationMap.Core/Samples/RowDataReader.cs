using StationMap.Common;

namespace StationMap.Samples;

/// <summary>Objects streamed as text rows, one function per column, for Sylvan's CsvDataWriter.</summary>
internal sealed class RowDataReader<T>(IEnumerable<T> rows, IReadOnlyList<(string Name, Func<T, string> Value)> columns)
    : TextDataReader(columns.Select(c => c.Name).ToArray())
{
    private readonly IEnumerator<T> _rows = rows.GetEnumerator();
    private readonly string[] _current = new string[columns.Count];

    public override bool Read()
    {
        if (!_rows.MoveNext()) return false;
        for (var i = 0; i < columns.Count; i++)
            _current[i] = columns[i].Value(_rows.Current);
        return true;
    }

    public override string GetString(int ordinal) => _current[ordinal];

    public override void Close() => _rows.Dispose();
}
