using System.IO.Compression;
using System.Xml;

namespace StationMap.Import.Xlsx;

/// <summary>
/// The parts of an .xlsx a sheet reader needs, read once: sheet names and their parts (workbook order),
/// the shared strings and which cell styles are dates. Nothing is evaluated; formulas are never looked at.
/// </summary>
internal sealed class XlsxWorkbook : IDisposable
{
    private const string RelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;

    public IReadOnlyList<(string Name, string Part)> Sheets { get; }
    public IReadOnlyList<string> SharedStrings { get; private set; } = [];
    public IReadOnlySet<int> DateStyles { get; private set; } = new HashSet<int>();

    private XlsxWorkbook(Stream seekable)
    {
        _zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        // Zip names are compared without case: some writers differ from Excel's spelling.
        _entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in _zip.Entries) _entries.TryAdd(e.FullName.Replace('\\', '/').TrimStart('/'), e);

        var workbook = Relationships("_rels/.rels", "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument")).Target ?? "xl/workbook.xml";
        var dir = workbook.Contains('/') ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var rels = Relationships($"{dir}_rels/{Path.GetFileName(workbook)}.rels", dir);
        var targets = rels.ToDictionary(r => r.Id, r => r.Target);
        Sheets = SheetNames(workbook).Where(s => targets.ContainsKey(s.RelId)).Select(s => (s.Name, targets[s.RelId])).ToList();
        if (rels.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings")).Target is { } sst) SharedStrings = XlsxSharedStrings.Read(Open(sst));
        if (rels.FirstOrDefault(r => r.Type.EndsWith("/styles")).Target is { } styles) DateStyles = XlsxDateStyles.Read(Open(styles));
    }

    public static XlsxWorkbook Open(Stream seekable) => new(seekable);

    public static XmlReader Xml(Stream part) => XmlReader.Create(part, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
    });

    /// <summary>A part's content, inflated as it is read (the zip directory was checked for bombs before).</summary>
    public Stream? Open(string part) => _entries.TryGetValue(part.TrimStart('/'), out var e) ? e.Open() : null;

    private List<(string Id, string Type, string Target)> Relationships(string part, string dir)
    {
        var list = new List<(string, string, string)>();
        using var stream = Open(part);
        if (stream is null) return list;
        using var xml = Xml(stream);
        while (xml.Read())
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && xml.GetAttribute("TargetMode") != "External")
            {
                var target = xml.GetAttribute("Target") ?? "";
                list.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", Resolve(dir, target)));
            }
        return list;
    }

    /// <summary>A relationship target is relative to the source part's folder unless it starts with '/'.</summary>
    private static string Resolve(string dir, string target)
    {
        if (target.StartsWith('/')) return target.TrimStart('/');
        var parts = new List<string>(dir.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var p in target.Split('/'))
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (p is not ("." or "")) parts.Add(p);
        return string.Join('/', parts);
    }

    private List<(string Name, string RelId)> SheetNames(string workbook)
    {
        var list = new List<(string, string)>();
        using var stream = Open(workbook) ?? throw new InvalidDataException("no workbook part");
        using var xml = Xml(stream);
        while (xml.Read())
        {
            if (xml is not { NodeType: XmlNodeType.Element, LocalName: "sheet" }) continue;
            string? id = null;
            // r:id, in the transitional or the strict relationships namespace.
            for (var more = xml.MoveToFirstAttribute(); more; more = xml.MoveToNextAttribute())
                if (xml.LocalName == "id" && xml.NamespaceURI.Length > 0 && xml.NamespaceURI != RelNs) id = xml.Value;
            xml.MoveToElement();
            if (xml.GetAttribute("name") is { } name && id is not null) list.Add((name, id));
        }
        return list;
    }

    public void Dispose() => _zip.Dispose();
}
