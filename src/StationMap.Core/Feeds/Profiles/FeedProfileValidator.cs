using System.Text.RegularExpressions;
using StationMap.Geo;

namespace StationMap.Feeds.Profiles;

/// <summary>Checks a profile and returns every problem as "origin: field: message".</summary>
public static partial class FeedProfileValidator
{
    private static readonly string[] Formats = ["csv", "xlsx", "geojson"];
    private static readonly string[] Encodings = ["utf-8-bom", "utf-8", "gbk"];

    public static List<string> Validate(FeedProfile p)
    {
        var errors = new List<string>();
        void Fail(string field, string message) => errors.Add($"{p.Origin}: {field}: {message}");

        if (!IdPattern().IsMatch(p.Id)) Fail("id", $"must be lower-case letters, digits and '-' (got '{p.Id}')");
        if (!IdPattern().IsMatch(p.Provider)) Fail("provider", $"must be lower-case letters, digits and '-' (got '{p.Provider}')");
        if (!Formats.Contains(p.Format)) Fail("format", $"must be one of {string.Join(", ", Formats)} (got '{p.Format}')");
        if (!Encodings.Contains(p.Encoding)) Fail("encoding", $"must be one of {string.Join(", ", Encodings)} (got '{p.Encoding}')");
        if (p.IsXlsx && p.Encoding == "gbk") Fail("encoding", "xlsx files are always UTF-8 inside; gbk applies to csv only");
        if (!CoordSysNames.TryParse(p.Coordsys, out var sys) || sys == CoordSys.Bd09Mc) Fail("coordsys", $"must be wgs84, gcj02 or bd09 (got '{p.Coordsys}')");
        if (p.IsGeoJson && sys != CoordSys.Wgs84) Fail("coordsys", "GeoJSON (RFC 7946) is always wgs84");
        if (p.Decimals is < 0 or > 10) Fail("decimals", $"must be 0–10 (got {p.Decimals})");
        if (p.MaxRows is <= 0 || (p.IsXlsx && p.MaxRows > 1_048_575)) Fail("maxRows", $"must be 1–1048575 for xlsx, positive otherwise (got {p.MaxRows})");
        if (p.MaxBytes is < 4096) Fail("maxBytes", $"must be at least 4096 (got {p.MaxBytes})");
        if (p.Changes is not ("files" or "column")) Fail("changes", $"must be 'files' or 'column' (got '{p.Changes}')");
        if (p.IsXlsx && p.Changes == "files") Fail("changes", "xlsx profiles show changes as a column (one workbook per export)");
        if (p.OpenedInSpreadsheets && !p.IsCsv) Fail("openedInSpreadsheets", "applies to csv only (xlsx cells are always text, GeoJSON is no spreadsheet)");
        if (p.Sheets is not ("district" or "single")) Fail("sheets", $"must be 'district' or 'single' (got '{p.Sheets}')");
        foreach (var kind in new[] { "added", "changed", "withdrawn" })
            if (!p.ChangeValues.ContainsKey(kind)) Fail("changeValues", $"needs a value for '{kind}'");
        if (p.Columns.Count == 0) Fail("columns", "at least one column is needed");

        var headers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Columns.Count; i++)
            ValidateColumn(p.Columns[i], $"columns[{i}]", headers, Fail);
        if (p.ChangesAsColumn && headers.Contains(p.ChangeHeader)) Fail("changeHeader", $"'{p.ChangeHeader}' is already a column header");
        return errors;
    }

    private static void ValidateColumn(FeedColumn c, string at, HashSet<string> headers, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(c.Header)) fail($"{at}.header", "is required");
        else if (!headers.Add(c.Header)) fail($"{at}.header", $"'{c.Header}' appears twice");
        var given = new[] { c.Source, c.Value, c.Template }.Count(v => v is not null);
        if (given != 1) fail(at, $"'{c.Header}' needs exactly one of source, value, template (has {given})");
        if (c.Source is not null && !FeedFields.Known.Contains(c.Source))
            fail($"{at}.source", $"unknown field '{c.Source}' (known: {string.Join(", ", FeedFields.Known)})");
        if (c.Template is not null)
            foreach (Match m in Placeholder().Matches(c.Template))
                if (!FeedFields.Known.Contains(m.Groups[1].Value))
                    fail($"{at}.template", $"unknown field '{{{m.Groups[1].Value}}}' (known: {string.Join(", ", FeedFields.Known)})");
        if (c.OnlyFor is { } only)
        {
            if (only.Count == 0) fail($"{at}.onlyFor", "lists no change kind (added, changed, withdrawn); leave it out for every file");
            foreach (var kind in only.Where(k => k is not ("added" or "changed" or "withdrawn")))
                fail($"{at}.onlyFor", $"unknown change kind '{kind}' (added, changed, withdrawn)");
            if (c.Required) fail($"{at}.required", "a column written only for some changes cannot be required");
            if (c.IsNumber) fail($"{at}.onlyFor", "coordinate columns are in every file");
        }
        if (c.MaxLength is <= 0) fail($"{at}.maxLength", $"must be positive (got {c.MaxLength})");
        if (c.WhenTooLong is not ("reject" or "truncate")) fail($"{at}.whenTooLong", $"must be 'reject' or 'truncate' (got '{c.WhenTooLong}')");
        if (c.Truncates && FeedFields.IsName(c)) fail($"{at}.whenTooLong", "a station name is never truncated: use 'reject'");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    internal static partial Regex Placeholder();
}
