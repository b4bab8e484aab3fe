namespace StationMap.Publication;

/// <summary>One provider's figures for an area. 上图率 = online ÷ public active stations.</summary>
public sealed record ProviderFigures(string Provider, int Submitted, int Online, int Rejected, int NeedsUpdate, int Withdrawn, double? OnlineRate);

public sealed record DistrictSummary(string Adcode, string Name, int Stations, int PublicActive, List<ProviderFigures> Providers);

public sealed record PublicationSummary(string Adcode, DistrictSummary Total, List<DistrictSummary> Districts);
