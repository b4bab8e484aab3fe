using System.Text.Json;
using StationMap.Feeds;
using StationMap.Feeds.Profiles;

namespace StationMap.Api.Feeds;

internal sealed record ExportRequestDto(string? Profile, string? Adcode, string? Kind);

internal sealed record ExportFileDto(string Name, string Change, int Rows, long Bytes, string Sha256, string Url);

internal sealed record ExportBatchDto(long Id, string Profile, string Provider, string Adcode, string Kind, int Rows, int Added, int Changed,
    int Withdrawn, int Excluded, DateTimeOffset CreatedAt, string CreatedBy, List<ExportFileDto> Files, JsonElement? Report, List<string>? Stations)
{
    public static ExportBatchDto From(ExportBatch b, bool detail) => new(b.Id, b.Profile, b.Provider, b.Adcode, b.Kind.ToString().ToLowerInvariant(),
        b.Rows, b.Added, b.Changed, b.Withdrawn, b.Excluded, b.CreatedAt, b.CreatedBy,
        b.Files.OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new ExportFileDto(f.Name, f.Change, f.Rows, f.Bytes, f.Sha256, $"/api/v1/exports/{b.Id}/files/{Uri.EscapeDataString(f.Name)}")).ToList(),
        // The report lists every excluded station, so it comes with the single batch (and the POST answer) only.
        detail ? b.Report.RootElement.Clone() : null, detail ? b.StationCodes : null);
}

internal sealed record ProfileDto(string Id, string Provider, string Title, string Format, string Encoding, string Coordsys, int Decimals,
    int? MaxRows, long? MaxBytes, string Changes, string? Notes, string Origin, List<FeedColumn> Columns)
{
    public static ProfileDto From(FeedProfile p) =>
        new(p.Id, p.Provider, p.Title, p.Format, p.Encoding, p.Coordsys, p.Decimals, p.MaxRows, p.MaxBytes, p.Changes, p.Notes, p.Origin, p.Columns);
}
