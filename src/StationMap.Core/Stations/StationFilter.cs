namespace StationMap.Stations;

/// <summary>Filters of the paged station list. Bounding box is WGS-84 (convert at the edge first).</summary>
public sealed record StationFilter
{
    public string? AdcodePrefix { get; init; }
    public StationStatus? Status { get; init; }
    public StationType? Type { get; init; }
    public string? Text { get; init; }
    public (double MinLng, double MinLat, double MaxLng, double MaxLat)? Bbox { get; init; }
    public bool PublicOnly { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
