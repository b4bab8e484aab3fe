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
    /// <summary>Staff see non-public stations only inside their organisation's area (an adcode prefix; "" is the country).</summary>
    public string? NonPublicScopePrefix { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>A page of results. <see cref="Total"/> is exact unless <see cref="TotalCapped"/>: then there are more than that.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool TotalCapped = false);
