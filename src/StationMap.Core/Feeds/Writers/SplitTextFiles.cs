using System.Security.Cryptography;
using System.Text;

namespace StationMap.Feeds.Writers;

/// <summary>
/// Writes pre-rendered rows into files of at most maxRows rows and maxBytes bytes (prefix, separators and
/// suffix included), hashing as it goes. Parts are numbered "-001", "-002"; a single part keeps the plain name.
/// </summary>
internal sealed class SplitTextFiles(string folder, string baseName, string extension, string change, Encoding encoding,
    string prefix, string separator, string suffix, int? maxRows, long? maxBytes) : IDisposable
{
    private readonly List<WrittenFile> _done = [];
    private readonly byte[] _prefix = encoding.GetPreamble().Concat(encoding.GetBytes(prefix)).ToArray();
    private readonly byte[] _separator = encoding.GetBytes(separator);
    private readonly byte[] _suffix = encoding.GetBytes(suffix);
    private FileStream? _file;
    private IncrementalHash? _hash;
    private int _rows;
    private long _bytes;
    // One growing buffer for the encoded row: no byte[] per row.
    private byte[] _row = new byte[4096];

    public int TotalRows { get; private set; }

    public void Add(string rowText)
    {
        var needed = encoding.GetMaxByteCount(rowText.Length);
        if (needed > _row.Length) _row = new byte[Math.Max(needed, _row.Length * 2)];
        var row = _row.AsSpan(0, encoding.GetBytes(rowText, _row));
        var extra = (_rows > 0 ? _separator.Length : 0) + row.Length;
        if (_file is not null && _rows > 0 && (_rows + 1 > maxRows || _bytes + extra + _suffix.Length > maxBytes))
            Close();
        if (_file is null) Open();
        if (_rows > 0) Write(_separator);
        Write(row);
        _rows++;
        TotalRows++;
    }

    /// <summary>Closes the last file and names the parts; no rows means no file.</summary>
    public IReadOnlyList<WrittenFile> Complete()
    {
        if (_file is not null) Close();
        if (_done.Count == 1)
        {
            var only = _done[0];
            var plain = $"{baseName}.{extension}";
            File.Move(Path.Combine(folder, only.Name), Path.Combine(folder, plain), overwrite: true);
            _done[0] = only with { Name = plain };
        }
        return _done;
    }

    private string PartName(int part) => $"{baseName}-{part:000}.{extension}";

    private void Open()
    {
        _file = new FileStream(Path.Combine(folder, PartName(_done.Count + 1)), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _rows = 0;
        _bytes = 0;
        Write(_prefix);
    }

    private void Close()
    {
        Write(_suffix);
        _file!.Dispose();
        _done.Add(new WrittenFile(PartName(_done.Count + 1), change, _rows, _bytes, Convert.ToHexStringLower(_hash!.GetHashAndReset())));
        _hash.Dispose();
        _file = null;
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _file!.Write(bytes);
        _hash!.AppendData(bytes);
        _bytes += bytes.Length;
    }

    public void Dispose()
    {
        _file?.Dispose();
        _hash?.Dispose();
    }
}
