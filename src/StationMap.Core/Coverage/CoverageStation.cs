namespace StationMap.Coverage;

/// <summary>An active public station as coverage sees it (WGS-84). Hypothetical stations have Id ≤ 0.</summary>
public sealed record CoverageStation(long Id, string Code, string Name, double Lng, double Lat);
