using System.Security.Cryptography;
using System.Text;
using StationMap.Feeds.Profiles;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Feeds.Rows;

/// <summary>Turns a station into the cells a profile emits, enforcing length limits and required columns.</summary>
public sealed class FeedRowBuilder(FeedProfile profile, FeedLookups lookups)
{
    private readonly bool _neutralise = !profile.IsGeoJson;

    /// <param name="lenient">For withdrawals: the station leaves the map anyway, so limits only truncate.</param>
    public FeedRowResult Build(Station s, bool lenient = false)
    {
        var at = new Coordinate(s.Lng, s.Lat, CoordSys.Wgs84).To(profile.CoordSystem);
        var cells = new object[profile.Columns.Count];
        var notes = new List<string>();
        for (var i = 0; i < cells.Length; i++)
        {
            var column = profile.Columns[i];
            if (column.IsNumber)
            {
                cells[i] = Math.Round(column.Source == "lng" ? at.Lng : at.Lat, profile.Decimals, MidpointRounding.AwayFromZero);
                continue;
            }
            var text = Text(column, s, at);
            if (column.Required && text.Length == 0 && !lenient)
                return Rejected($"“{column.Header}”为空 / '{column.Header}' is empty");
            if (column.MaxLength is { } max && text.Length > max)
            {
                if (!column.Truncates && !lenient)
                    return Rejected($"“{column.Header}”超过{max}字（{text.Length}字）/ '{column.Header}' is longer than {max} characters ({text.Length})");
                notes.Add($"“{column.Header}”截断为{max}字 / '{column.Header}' truncated to {max} characters");
                text = text[..max];
            }
            cells[i] = _neutralise ? SpreadsheetText.Neutralise(text) : text;
        }
        return new FeedRowResult(new FeedRow(s.Id, s.Code, s.Name, s.Adcode, at.Lng, at.Lat, cells, Hash(cells)), null, notes);
    }

    private string Text(FeedColumn column, Station s, Coordinate at)
    {
        var text = column.Value
            ?? (column.Source is { } field ? StationFieldText.Of(field, s, at, profile, lookups) : Render(column.Template!, s, at));
        if (column.Suffix is { } suffix && text.Length > 0 && !column.SuffixUnlessContains.Any(w => text.Contains(w, StringComparison.Ordinal)))
            text += suffix;
        return text;
    }

    private string Render(string template, Station s, Coordinate at) =>
        FeedProfileValidator.Placeholder().Replace(template, m => StationFieldText.Of(m.Groups[1].Value, s, at, profile, lookups)).Trim();

    /// <summary>SHA-256 over exactly what the profile emits: a change anywhere in the row changes the hash.</summary>
    private string Hash(object[] cells)
    {
        var text = string.Join('\u001f', cells.Select(c => c is double d ? StationFieldText.Number(d, profile.Decimals) : (string)c));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static FeedRowResult Rejected(string reason) => new(null, reason, []);



}
