using System.Text;
using StationMap.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StationMap.Import;

/// <summary>
/// The workbook's shared strings, read once with <see cref="OpenXmlReader"/> and kept as characters in large blocks
/// with one position per string (not one .NET string each): memory stays close to the text itself, which
/// is limited to MaxSharedStringsBytes here (<see cref="ZipGuard"/> checks the usual part name earlier, from the zip alone).
/// </summary>
internal sealed class XlsxSharedStrings
{
    private const int BlockChars = 1 << 20;
    private readonly List<char[]> _blocks = [];
    private readonly List<long> _positions = []; // block << 40 | start << 20 | length, or an index into _large
    private readonly List<string> _large = [];
    private int _used = BlockChars;

    /// <summary>Reads the part the workbook points at, whatever its name; past <paramref name="maxBytes"/> it is refused as
    /// shared_strings_too_large. Counted: each string's characters and the 5 bytes of the smallest item (&lt;si/&gt;), which
    /// never add up to more than the part's XML, so what <see cref="ZipGuard"/> lets through by size passes here too.</summary>
    public static XlsxSharedStrings Read(SharedStringTablePart? part, long maxBytes)
    {
        var strings = new XlsxSharedStrings();
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        long size = 0;
        while (reader.Read())
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var text = ItemText(reader);
                if ((size += text.Length + 5) > maxBytes) throw TooLarge(maxBytes);
                strings.Add(text);
            }
        return strings;
    }

    internal static SheetLimitException TooLarge(long maxBytes) => new("shared_strings_too_large",
        $"文件的共享字符串超过 {maxBytes / 1048576.0:0.#} MB，拒绝读取", $"the workbook's shared strings exceed {maxBytes / 1048576.0:0.#} MB; refused");

    /// <summary>The text of the current &lt;si&gt; or &lt;is&gt;: its &lt;t&gt;, or its runs' &lt;t&gt; joined;
    /// phonetic guides (&lt;rPh&gt;, furigana) are not part of the value. OOXML's _xHHHH_ escapes are decoded (Excel stores a CR as _x000D_).</summary>
    public static string ItemText(OpenXmlReader reader)
    {
        var text = new StringBuilder();
        if (!reader.ReadFirstChild()) return "";
        do
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(Text)) text.Append(reader.GetText());
            else if (reader.ElementType == typeof(Run) && reader.ReadFirstChild())
                do
                {
                    if (reader.IsStartElement && reader.ElementType == typeof(Text)) text.Append(reader.GetText());
                } while (reader.ReadNextSibling());
        } while (reader.ReadNextSibling());
        return OoxmlText.Decode(text.ToString());
    }

    public string this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_positions.Count) throw new InvalidDataException($"shared string {index} does not exist");
            var p = _positions[index];
            if (p < 0) return _large[(int)~p];
            return new string(_blocks[(int)(p >> 40)], (int)(p >> 20 & (BlockChars - 1)), (int)(p & (BlockChars - 1)));
        }
    }

    private void Add(string s)
    {
        if (s.Length >= BlockChars / 16)
        {
            _positions.Add(~(long)_large.Count);
            _large.Add(s);
            return;
        }
        if (_used + s.Length > BlockChars)
        {
            _blocks.Add(new char[BlockChars]);
            _used = 0;
        }
        s.CopyTo(_blocks[^1].AsSpan(_used));
        _positions.Add((long)(_blocks.Count - 1) << 40 | (long)_used << 20 | (long)s.Length);
        _used += s.Length;
    }
}
