using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;

namespace StationMap.Samples;

/// <summary>
/// A forward-only <see cref="DbDataReader"/> over objects whose columns are all text, so Sylvan's
/// CsvDataWriter (which writes from a DbDataReader) does the CSV quoting.
/// </summary>
internal sealed class RowDataReader<T>(IEnumerable<T> rows, IReadOnlyList<(string Name, Func<T, string> Value)> columns) : DbDataReader, IDbColumnSchemaGenerator
{
    private readonly IEnumerator<T> _rows = rows.GetEnumerator();
    private readonly string[] _current = new string[columns.Count];
    private bool _closed;

    public override bool Read()
    {
        if (_closed || !_rows.MoveNext())
            return false;
        for (int i = 0; i < columns.Count; i++)
            _current[i] = columns[i].Value(_rows.Current);
        return true;
    }

    public ReadOnlyCollection<DbColumn> GetColumnSchema() =>
        columns.Select((c, i) => (DbColumn)new TextColumn(c.Name, i)).ToList().AsReadOnly();

    public override int FieldCount => columns.Count;
    public override string GetName(int ordinal) => columns[ordinal].Name;
    public override int GetOrdinal(string name) => columns.ToList().FindIndex(c => c.Name == name);
    public override Type GetFieldType(int ordinal) => typeof(string);
    public override string GetDataTypeName(int ordinal) => "text";
    public override string GetString(int ordinal) => _current[ordinal];
    public override object GetValue(int ordinal) => _current[ordinal];
    public override bool IsDBNull(int ordinal) => false;
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override int Depth => 0;
    public override bool HasRows => true;
    public override bool IsClosed => _closed;
    public override int RecordsAffected => -1;
    public override bool NextResult() => false;
    public override IEnumerator GetEnumerator() => throw new NotSupportedException();

    public override int GetValues(object[] values)
    {
        int n = Math.Min(values.Length, _current.Length);
        Array.Copy(_current, values, n);
        return n;
    }

    public override void Close()
    {
        _closed = true;
        _rows.Dispose();
    }

    public override bool GetBoolean(int ordinal) => throw TextOnly();
    public override byte GetByte(int ordinal) => throw TextOnly();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw TextOnly();
    public override char GetChar(int ordinal) => throw TextOnly();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw TextOnly();
    public override DateTime GetDateTime(int ordinal) => throw TextOnly();
    public override decimal GetDecimal(int ordinal) => throw TextOnly();
    public override double GetDouble(int ordinal) => throw TextOnly();
    public override float GetFloat(int ordinal) => throw TextOnly();
    public override Guid GetGuid(int ordinal) => throw TextOnly();
    public override short GetInt16(int ordinal) => throw TextOnly();
    public override int GetInt32(int ordinal) => throw TextOnly();
    public override long GetInt64(int ordinal) => throw TextOnly();

    private static NotSupportedException TextOnly() => new("every column of this reader is text");
}

internal sealed class TextColumn : DbColumn
{
    public TextColumn(string name, int ordinal)
    {
        ColumnName = name;
        ColumnOrdinal = ordinal;
        DataType = typeof(string);
        DataTypeName = "text";
        AllowDBNull = false;
    }
}
