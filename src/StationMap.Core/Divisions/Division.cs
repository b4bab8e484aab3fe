namespace StationMap.Divisions;

public enum DivisionLevel { Province, City, District }

/// <summary>One GB/T 2260 division. <see cref="ParentCode"/> is null for provinces.</summary>
public sealed record Division(string Code, string Name, DivisionLevel Level, string? ParentCode);
