using StationMap.Common;

namespace StationMap.Feeds.Writers;

/// <summary>String rows held in memory and reset between writes, for Sylvan's CsvDataWriter.</summary>
internal sealed class StringRowReader(string[] headers) : TextDataReader(headers)
{
    private readonly List<string[]> _rows = [];
    private int _index = -1;

    public StringRowReader Reset(params string[][] rows)
    {
        _rows.Clear();
        _rows.AddRange(rows);
        _index = -1;
        return this;
    }

    public override bool Read() => ++_index < _rows.Count;
    public override string GetString(int ordinal) => _rows[_index][ordinal];
}
