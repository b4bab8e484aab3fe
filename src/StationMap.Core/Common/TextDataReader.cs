using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;

namespace StationMap.Common;

/// <summary>
/// The smallest forward-only <see cref="DbDataReader"/> whose columns are all text: what Sylvan's
/// CsvDataWriter needs to do the CSV quoting. Subclasses say how to move and what each cell holds.
/// </summary>
internal abstract class TextDataReader(IReadOnlyList<string> headers) : DbDataReader, IDbColumnSchemaGenerator
{
    private readonly ReadOnlyCollection<DbColumn> _schema =
        headers.Select((h, i) => (DbColumn)new TextColumn(h, i)).ToList().AsReadOnly();

    public abstract override bool Read();
    public abstract override string GetString(int ordinal);

    public ReadOnlyCollection<DbColumn> GetColumnSchema() => _schema;
    public override int FieldCount => headers.Count;
    public override string GetName(int ordinal) => headers[ordinal];
    public override int GetOrdinal(string name) => headers.ToList().IndexOf(name);
    public override object GetValue(int ordinal) => GetString(ordinal);
    public override Type GetFieldType(int ordinal) => typeof(string);
    public override string GetDataTypeName(int ordinal) => "text";
    public override bool IsDBNull(int ordinal) => false;
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override bool HasRows => true;
    public override bool IsClosed => false;
    public override int RecordsAffected => -1;
    public override int Depth => 0;
    public override bool NextResult() => false;
    public override IEnumerator GetEnumerator() => throw TextOnly();

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < n; i++) values[i] = GetString(i);
        return n;
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
