using NetTopologySuite.Geometries;

namespace StationMap.Coverage.Boundaries;

/// <summary>One county-level district: its GB/T 2260 code, name and WGS-84 outline (x = lng, y = lat).</summary>
public sealed record DistrictBoundary(string Adcode, string Name, Geometry Outline);
