using System.Text;
using Sylvan.Data.Csv;

namespace StationMap.Import;

/// <summary>A CSV file, comma- or tab-separated (whichever the header line uses more), in any detected encoding.</summary>
public sealed class CsvSheet : ISheetSource
{
    private readonly CsvDataReader _reader;
    private readonly StreamReader _text;

    public IReadOnlyList<string?> Headers { get; }
    public string? Encoding { get; }
    public string? Sheet => null;

    public CsvSheet(Stream seekable)
    {
        var (encoding, name) = TextEncodingSniffer.Detect(seekable);
        Encoding = name;
        _text = new StreamReader(seekable, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var delimiter = SniffDelimiter(seekable, encoding);
        _reader = CsvDataReader.Create(_text, new CsvDataReaderOptions
        {
            HasHeaders = false, Delimiter = delimiter, BufferSize = 1 << 17, MaxBufferSize = 1 << 24,
        });
        var headers = new List<string?>();
        if (_reader.Read())
            for (var i = 0; i < _reader.RowFieldCount; i++) headers.Add(_reader.GetString(i));
        Headers = headers;
    }

    public IEnumerable<RawRow> Rows()
    {
        var number = 1;
        while (_reader.Read())
        {
            number++;
            var cells = new string?[Math.Max(Headers.Count, _reader.RowFieldCount)];
            for (var i = 0; i < _reader.RowFieldCount; i++)
            {
                var s = _reader.GetString(i);
                cells[i] = s.Length == 0 ? null : s;
            }
            yield return new RawRow(number, cells);
        }
    }

    private static char SniffDelimiter(Stream stream, Encoding encoding)
    {
        var start = stream.Position;
        var buffer = new byte[8192];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = start;
        var text = encoding.GetString(buffer, 0, n);
        var line = text.Split('\n')[0];
        return line.Count(c => c == '\t') > line.Count(c => c == ',') ? '\t' : ',';
    }

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
