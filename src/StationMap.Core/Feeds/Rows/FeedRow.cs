namespace StationMap.Feeds.Rows;

/// <summary>What a profile emits for one station. Cells are strings, or doubles for coordinate columns.</summary>
public sealed record FeedRow(long StationId, string Code, string Name, string Adcode, double Lng, double Lat, object[] Cells, string Hash);

/// <summary>A row, or the reason the station cannot be in the batch. Notes record truncated optional fields.</summary>
public sealed record FeedRowResult(FeedRow? Row, string? Rejection, IReadOnlyList<string> Notes);
