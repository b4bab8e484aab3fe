using System.Runtime.ExceptionServices;
using System.Text;
using Sylvan.Data.Csv;

namespace StationMap.Import;

/// <summary>A CSV file, comma- or tab-separated (whichever the first lines use more), in any detected encoding. The
/// header is the line <see cref="HeaderScan"/> picks (a title line above it is skipped); row numbers are the file's
/// line numbers as Excel shows them (one per record).</summary>
public sealed class CsvSheet : ISheetSource
{
    private readonly CsvDataReader _reader;
    private readonly StreamReader _text;
    private readonly Queue<(int Number, string?[] Cells)> _after;
    private readonly ExceptionDispatchInfo? _failure;
    private int _number;

    public IReadOnlyList<string?> Headers { get; }
    public int HeaderRow { get; }
    public IReadOnlyList<int> RowsAbove { get; }
    /// <summary>Whether the header names every required column (always false without a rule).</summary>
    public bool HeaderComplete { get; }
    public string? Encoding { get; }
    public string? Sheet => null;

    public CsvSheet(Stream seekable, HeaderRule? rule = null)
    {
        var (encoding, name) = TextEncodingSniffer.Detect(seekable);
        Encoding = name;
        _text = new StreamReader(seekable, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var delimiter = SniffDelimiter(seekable, encoding);
        _reader = CsvDataReader.Create(_text, new CsvDataReaderOptions
        {
            HasHeaders = false, Delimiter = delimiter, BufferSize = 1 << 17, MaxBufferSize = 1 << 24,
        });
        (var headers, HeaderRow, HeaderComplete, _after, var above, _failure) = HeaderScan.Find(() => Record(0), rule);
        Headers = headers;
        RowsAbove = above;
    }

    public IEnumerable<RawRow> Rows()
    {
        // The rows read while looking for the header come first (their numbers kept), then the rest of the file.
        while (_after.TryDequeue(out var read))
            yield return new RawRow(read.Number, read.Cells.Length >= Headers.Count ? read.Cells : [.. read.Cells, .. new string?[Headers.Count - read.Cells.Length]]);
        _failure?.Throw();
        while (Record(Headers.Count) is { } row) yield return new RawRow(row.Number, row.Cells);
    }

    /// <summary>The next record, at least <paramref name="width"/> cells wide (empty cells null), or null at the end.</summary>
    private (int Number, string?[] Cells)? Record(int width)
    {
        if (!_reader.Read()) return null;
        var cells = new string?[Math.Max(width, _reader.RowFieldCount)];
        for (var i = 0; i < _reader.RowFieldCount; i++)
        {
            var s = _reader.GetString(i);
            cells[i] = s.Length == 0 ? null : s;
        }
        return (++_number, cells);
    }

    private static char SniffDelimiter(Stream stream, Encoding encoding)
    {
        var start = stream.Position;
        var buffer = new byte[8192];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = start;
        // Over the first lines, not the first alone: a title line above the header may have no separator at all.
        var lines = string.Join('\n', encoding.GetString(buffer, 0, n).Split('\n').Take(HeaderRule.RowsScanned + 1));
        return lines.Count(c => c == '\t') > lines.Count(c => c == ',') ? '\t' : ',';
    }

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
