using StationMap.Coverage.Grid;

namespace StationMap.Coverage;

/// <summary>
/// Weighted demand places in WGS-84: hexagon cells of a district (weight = clipped area in m²) or uploaded points.
/// Parallel arrays keep a district of a million cells in a few tens of MB.
/// </summary>
public sealed class DemandSet
{
    public required double[] Lng { get; init; }
    public required double[] Lat { get; init; }
    public required double[] Weight { get; init; }
    public int Count => Lng.Length;

    /// <summary>For cells: the grid they belong to (to draw a cell's hexagon), projected centres and clipping.</summary>
    public HexGridInfo? Grid { get; init; }
    public float[]? X { get; init; }
    public float[]? Y { get; init; }
    public bool[]? Clipped { get; init; }

    /// <summary>For points: the label each came with.</summary>
    public string?[]? Labels { get; init; }

    public double TotalWeight => Weight.Sum();
}

/// <summary>The projection and edge length a district's cells were built with.</summary>
public sealed record HexGridInfo(LocalProjection Projection, double EdgeMetres);
