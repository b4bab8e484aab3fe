using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using StationMap.Feeds.Profiles;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Feeds.Rows;

/// <summary>Turns a station into the cells a profile emits, enforcing length limits and required columns.</summary>
public sealed class FeedRowBuilder(FeedProfile profile, FeedLookups lookups)
{
    // Provider uploads are read by the provider's importer, which would keep an apostrophe as part of the value; xlsx
    // cells are written as text, never formulas; GeoJSON is no spreadsheet. Only CSV that people open in Excel is guarded.
    private readonly bool _neutralise = profile.IsCsv && profile.OpenedInSpreadsheets;
    // Templates split once into literal text and {field} parts: no regex per row.
    private readonly (string Text, bool IsField)[]?[] _templates = profile.Columns.Select(c => c.Template is { } t ? Split(t) : null).ToArray();
    // Reused per row (a builder serves one export, on one thread): no StringBuilder or byte[] per row.
    private readonly StringBuilder _template = new(64);
    private readonly ArrayBufferWriter<byte> _hashInput = new(1024);
    private readonly bool[] _outsideHash = profile.Columns.Select(FeedFields.OutsideHash).ToArray();
    private string _poiId = "";

    /// <param name="lenient">For withdrawals: the station leaves the map anyway, so limits only truncate.</param>
    /// <param name="providerPoiId">The POI id the provider gave the station (field <c>providerPoiId</c>), if known.</param>
    public FeedRowResult Build(Station s, bool lenient = false, string? providerPoiId = null)
    {
        _poiId = providerPoiId ?? "";
        var at = new Coordinate(s.Lng, s.Lat, CoordSys.Wgs84).To(profile.CoordSystem);
        var cells = new object[profile.Columns.Count];
        List<string>? notes = null;
        for (var i = 0; i < cells.Length; i++)
        {
            var column = profile.Columns[i];
            if (column.IsNumber)
            {
                cells[i] = Math.Round(column.Source == "lng" ? at.Lng : at.Lat, profile.Decimals, MidpointRounding.AwayFromZero);
                continue;
            }
            var text = Text(column, _templates[i], s, at);
            if (_neutralise) text = SpreadsheetText.Neutralise(text); // before the length check: the apostrophe counts
            if (column.Required && text.Length == 0 && !lenient)
                return Rejected($"“{column.Header}”为空 / '{column.Header}' is empty");
            if (column.MaxLength is { } max && text.Length > max)
            {
                if (!column.Truncates && !lenient)
                    return Rejected($"“{column.Header}”超过{max}字（{text.Length}字）/ '{column.Header}' is longer than {max} characters ({text.Length})");
                (notes ??= []).Add($"“{column.Header}”截断为{max}字 / '{column.Header}' truncated to {max} characters");
                text = text[..max];
            }
            cells[i] = text;
        }
        var hash = Hash(cells);
        return new FeedRowResult(new FeedRow(s.Id, s.Code, s.Name, s.Adcode, at.Lng, at.Lat, cells, hash), null, notes ?? (IReadOnlyList<string>)[]);
    }

    private string Text(FeedColumn column, (string Text, bool IsField)[]? template, Station s, Coordinate at)
    {
        var text = column.Value
            ?? (column.Source is { } field ? Field(field, s, at) : Render(template!, s, at));
        if (column.Suffix is { } suffix && text.Length > 0 && !column.SuffixUnlessContains.Any(w => text.Contains(w, StringComparison.Ordinal)))
            text += suffix;
        return text;
    }

    private string Render((string Text, bool IsField)[] parts, Station s, Coordinate at)
    {
        var text = _template.Clear();
        foreach (var (part, isField) in parts)
            text.Append(isField ? Field(part, s, at) : part);
        return text.ToString().Trim();
    }

    // The POI id comes from the publication record, not the station: it is answered here.
    private string Field(string field, Station s, Coordinate at) =>
        field == FeedFields.ProviderPoiId ? _poiId : StationFieldText.Of(field, s, at, profile, lookups);

    private static (string, bool)[] Split(string template)
    {
        var parts = new List<(string, bool)>();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match m in FeedProfileValidator.Placeholder().Matches(template))
        {
            if (m.Index > at) parts.Add((template[at..m.Index], false));
            parts.Add((m.Groups[1].Value, true));
            at = m.Index + m.Length;
        }
        if (at < template.Length) parts.Add((template[at..], false));
        return [.. parts];
    }

    /// <summary>SHA-256 over what the profile emits, except the 版本 column (<c>version</c>) and the provider's POI id: a
    /// change anywhere in the row changes the hash, while a version bump from a field the provider never sees (internal
    /// notes) or the POI id recorded from a result file does not make the station "changed" for the provider.</summary>
    /// <remarks>Each cell's UTF-8 then 0x1F (the UTF-8 of U+001F), encoded cell by cell into one reused buffer.</remarks>
    private string Hash(object[] cells)
    {
        _hashInput.ResetWrittenCount();
        for (var i = 0; i < cells.Length; i++)
        {
            if (_outsideHash[i]) continue;
            var c = cells[i];
            var text = c is double d ? StationFieldText.Number(d, profile.Decimals) : (string)c;
            var span = _hashInput.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
            var length = Encoding.UTF8.GetBytes(text, span);
            span[length] = 0x1f;
            _hashInput.Advance(length + 1);
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_hashInput.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static FeedRowResult Rejected(string reason) => new(null, reason, []);
}
