using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;

namespace StationMap.Feeds.Writers;

/// <summary>The smallest DbDataReader Sylvan's CsvDataWriter needs: string columns over in-memory rows.</summary>
internal sealed class StringRowReader(string[] headers) : DbDataReader, IDbColumnSchemaGenerator
{
    private readonly ReadOnlyCollection<DbColumn> _schema = headers.Select((h, i) => (DbColumn)new TextColumn(h, i)).ToList().AsReadOnly();
    private readonly List<string[]> _rows = [];
    private int _index = -1;

    public StringRowReader Reset(params string[][] rows)
    {
        _rows.Clear();
        _rows.AddRange(rows);
        _index = -1;
        return this;
    }

    public ReadOnlyCollection<DbColumn> GetColumnSchema() => _schema;

    public override bool Read() => ++_index < _rows.Count;
    public override int FieldCount => headers.Length;
    public override string GetName(int ordinal) => headers[ordinal];
    public override string GetString(int ordinal) => _rows[_index][ordinal];
    public override object GetValue(int ordinal) => GetString(ordinal);
    public override Type GetFieldType(int ordinal) => typeof(string);
    public override string GetDataTypeName(int ordinal) => "text";
    public override bool IsDBNull(int ordinal) => false;
    public override int GetOrdinal(string name) => Array.IndexOf(headers, name);
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override bool HasRows => _rows.Count > 0;
    public override bool IsClosed => false;
    public override int RecordsAffected => 0;
    public override int Depth => 0;
    public override bool NextResult() => false;
    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < n; i++) values[i] = GetString(i);
        return n;
    }
    public override IEnumerator GetEnumerator() => throw new NotSupportedException();
    public override bool GetBoolean(int ordinal) => throw new NotSupportedException();
    public override byte GetByte(int ordinal) => throw new NotSupportedException();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override char GetChar(int ordinal) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();
    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();
    public override double GetDouble(int ordinal) => throw new NotSupportedException();
    public override float GetFloat(int ordinal) => throw new NotSupportedException();
    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
    public override short GetInt16(int ordinal) => throw new NotSupportedException();
    public override int GetInt32(int ordinal) => throw new NotSupportedException();
    public override long GetInt64(int ordinal) => throw new NotSupportedException();

    private sealed class TextColumn : DbColumn
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
}
