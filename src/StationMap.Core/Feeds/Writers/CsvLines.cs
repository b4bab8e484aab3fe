using Sylvan.Data.Csv;

namespace StationMap.Feeds.Writers;

/// <summary>
/// Renders single CSV lines with Sylvan (quoting is the library's job), so the splitter can count each
/// line's bytes before deciding which file it goes into. One Sylvan writer for all lines: its Write flushes
/// at the end of every call, so each call leaves exactly one line in the builder (a writer per line cost
/// options, writer and schema set-up 140k times).
/// </summary>
internal sealed class CsvLines
{
    private readonly StringRowReader _reader;
    private readonly System.Text.StringBuilder _text = new();
    private readonly CsvDataWriter _header;
    private readonly CsvDataWriter _lines;

    public CsvLines(string[] headers)
    {
        _reader = new StringRowReader(headers);
        // Never disposed: disposing a Sylvan writer disposes its StringWriter, which holds nothing to release.
        var output = new StringWriter(_text, System.Globalization.CultureInfo.InvariantCulture);
        _header = CsvDataWriter.Create(output, new char[4 * 1024], new CsvDataWriterOptions { WriteHeaders = true, NewLine = "\r\n" });
        _lines = CsvDataWriter.Create(output, new char[64 * 1024], new CsvDataWriterOptions { WriteHeaders = false, NewLine = "\r\n" });
    }

    public string Header() => Render(_header, []);

    public string Line(string[] cells) => Render(_lines, [cells]);

    private string Render(CsvDataWriter writer, string[][] rows)
    {
        _text.Clear();
        writer.Write(_reader.Reset(rows));
        return _text.ToString();
    }
}
