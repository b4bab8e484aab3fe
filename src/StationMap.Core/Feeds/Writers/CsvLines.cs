using Sylvan.Data.Csv;

namespace StationMap.Feeds.Writers;

/// <summary>
/// Renders single CSV lines with Sylvan (quoting is the library's job), so the splitter can count each
/// line's bytes before deciding which file it goes into. One reusable buffer: no per-row allocation of it.
/// </summary>
internal sealed class CsvLines(string[] headers)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringRowReader _reader = new(headers);
    private readonly System.Text.StringBuilder _text = new();

    public string Header() => Render(writeHeaders: true);

    public string Line(string[] cells) => Render(writeHeaders: false, cells);

    private string Render(bool writeHeaders, params string[][] rows)
    {
        _text.Clear();
        var options = new CsvDataWriterOptions { WriteHeaders = writeHeaders, NewLine = "\r\n" };
        // Sylvan disposes the TextWriter it was given: a fresh one per line over the same builder.
        using (var writer = CsvDataWriter.Create(new StringWriter(_text, System.Globalization.CultureInfo.InvariantCulture), _buffer, options))
            writer.Write(_reader.Reset(rows));
        return _text.ToString();
    }
}
