using System.Text.Json;

namespace StationMap.Feeds;

public enum ExportKind { Full, Incremental }

/// <summary>One recorded export: which profile, scope and kind, which stations, which files — and who, when.</summary>
public sealed class ExportBatch
{
    public long Id { get; set; }
    public required string Profile { get; set; }
    public required string Provider { get; set; }
    /// <summary>The area exported: a district (110108), a city (110100), a province (110000) or 000000.</summary>
    public required string Adcode { get; set; }
    public ExportKind Kind { get; set; }
    public int Rows { get; set; }
    public int Added { get; set; }
    public int Changed { get; set; }
    public int Withdrawn { get; set; }
    public int Excluded { get; set; }
    /// <summary>Codes of the stations in the files.</summary>
    public List<string> StationCodes { get; set; } = [];
    /// <summary>Every excluded station with the reason, and notes (e.g. truncated optional fields).</summary>
    public required JsonDocument Report { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public List<ExportFile> Files { get; set; } = [];
}

/// <summary>A file of a batch, kept under Feeds:OutputFolder/batch-{id}/ and downloadable again.</summary>
public sealed class ExportFile
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public required string Name { get; set; }
    /// <summary>all | added | changed | withdrawn | mixed (change column).</summary>
    public required string Change { get; set; }
    public int Rows { get; set; }
    public long Bytes { get; set; }
    public required string Sha256 { get; set; }
}

/// <summary>One line of the export report.</summary>
public sealed record ExportReportLine(string Code, string Name, string Reason, bool Excluded);
