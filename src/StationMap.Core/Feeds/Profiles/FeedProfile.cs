using StationMap.Geo;

namespace StationMap.Feeds.Profiles;

/// <summary>
/// One submission format, read from a JSON file in data/feeds (or the configured profile folder).
/// Plain strings here; <see cref="FeedProfileValidator"/> checks them and names the file and field on error.
/// </summary>
public sealed record FeedProfile
{
    public string Id { get; init; } = "";
    /// <summary>Publication is tracked per station × provider: "amap", "baidu", or any other name (e.g. "geojson").</summary>
    public string Provider { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Notes { get; init; }
    /// <summary>csv | xlsx | geojson</summary>
    public string Format { get; init; } = "csv";
    /// <summary>utf-8-bom (default) | utf-8 | gbk</summary>
    public string Encoding { get; init; } = "utf-8-bom";
    /// <summary>wgs84 | gcj02 | bd09 — coordinates are converted from storage (WGS-84) through the Geo module.</summary>
    public string Coordsys { get; init; } = "wgs84";
    public int Decimals { get; init; } = 6;
    public int? MaxRows { get; init; }
    public long? MaxBytes { get; init; }
    /// <summary>How an incremental export shows its changes: "files" (added/changed/withdrawn files) or "column".</summary>
    public string Changes { get; init; } = "files";
    public string ChangeHeader { get; init; } = "change";
    public Dictionary<string, string> ChangeValues { get; init; } = new() { ["added"] = "新增", ["changed"] = "更新", ["withdrawn"] = "撤回" };
    /// <summary>xlsx only: "district" = one sheet per district plus a summary sheet; "single" = one sheet.</summary>
    public string Sheets { get; init; } = "district";
    /// <summary>csv only: true when people open the file in a spreadsheet (a list for staff), so text that would start a
    /// formula gets an apostrophe (<see cref="Rows.SpreadsheetText"/>). False for provider uploads: their importers
    /// must get each value as the station has it.</summary>
    public bool OpenedInSpreadsheets { get; init; }
    public List<FeedColumn> Columns { get; init; } = [];

    /// <summary>The columns an output file shows (indexes into <see cref="Columns"/>) and its headers, the change column
    /// last when <paramref name="mixed"/> (one incremental file with a change column). See <see cref="FeedColumn.InFile"/>.</summary>
    public (int[] Shown, string[] Headers) FileColumns(Writers.FeedChange? change, bool mixed)
    {
        var shown = Enumerable.Range(0, Columns.Count).Where(i => Columns[i].InFile(change, mixed)).ToArray();
        return (shown, [.. shown.Select(i => Columns[i].Header), .. mixed ? [ChangeHeader] : Array.Empty<string>()]);
    }

    /// <summary>Where the profile came from (file or resource name); set by the loader.</summary>
    public string Origin { get; init; } = "";

    public CoordSys CoordSystem => CoordSysNames.TryParse(Coordsys, out var s) ? s : CoordSys.Wgs84;
    public bool IsCsv => Format == "csv";
    public bool IsXlsx => Format == "xlsx";
    public bool IsGeoJson => Format == "geojson";
    public bool ChangesAsColumn => Changes == "column";
    public string Extension => Format == "geojson" ? "geojson" : Format;
}

/// <summary>One output column: exactly one of source field, fixed value or template.</summary>
public sealed record FeedColumn
{
    public string Header { get; init; } = "";
    /// <summary>A field name from <see cref="FeedFields"/> (name, address, lng, lat, services ...).</summary>
    public string? Source { get; init; }
    public string? Value { get; init; }
    /// <summary>Text with {field} placeholders, e.g. "{lng},{lat}" or "工会驿站 {district}".</summary>
    public string? Template { get; init; }
    /// <summary>Appended unless the text already contains one of <see cref="SuffixUnlessContains"/>.</summary>
    public string? Suffix { get; init; }
    public List<string> SuffixUnlessContains { get; init; } = [];
    public int? MaxLength { get; init; }
    /// <summary>reject (default: the station leaves the batch with a reason) | truncate (never allowed for name columns).</summary>
    public string WhenTooLong { get; init; } = "reject";
    /// <summary>An empty value excludes the station from the batch.</summary>
    public bool Required { get; init; }
    /// <summary>Only in incremental output of these kinds (added, changed, withdrawn), e.g. the provider's POI id for
    /// updates and deletions. Null: everywhere. Left out of full exports and of the other change files; with a change
    /// column (one file) the column is there and its cell is empty on rows of the other kinds.</summary>
    public List<string>? OnlyFor { get; init; }

    public bool IsNumber => Source is "lng" or "lat";
    public bool Truncates => WhenTooLong == "truncate";

    /// <summary>Whether the column is in an output file: <paramref name="change"/> is the file's kind, null for a full
    /// export; <paramref name="mixed"/> for one incremental file with a change column.</summary>
    public bool InFile(Writers.FeedChange? change, bool mixed) => mixed || Filled(change);

    /// <summary>Whether a row of this kind carries the column's text (false: the cell is empty).</summary>
    public bool Filled(Writers.FeedChange? change) => OnlyFor is null || (change is { } c && OnlyFor.Contains(Writers.FeedChangeNames.Wire(c)));
}
