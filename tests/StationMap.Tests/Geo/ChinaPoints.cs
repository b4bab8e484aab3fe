using FsCheck;
using FsCheck.Fluent;
using StationMap.Geo;

namespace StationMap.Tests.Geo;

/// <summary>A WGS-84 point inside China, for property tests.</summary>
public readonly record struct ChinaPoint(double Lng, double Lat)
{
    public override string ToString() => FormattableString.Invariant($"{Lng:R},{Lat:R}");
}

/// <summary>FsCheck generators: uniform points in the bounding box, kept if inside the China polygon.</summary>
public static class ChinaPoints
{
    public static Arbitrary<ChinaPoint> Points() =>
        Gen.Choose(0, 1_000_000_000).Two()
            .Select(t => new ChinaPoint(73.0 + t.Item1 * 62e-9, 18.0 + t.Item2 * 36e-9))
            .Where(p => ChinaRegion.IsInsideChina(p.Lng, p.Lat))
            .ToArbitrary();

    /// <summary>Deterministic points for the oracle: inside China and at least <paramref name="margin"/> degrees from its edge.</summary>
    public static List<ChinaPoint> WellInside(int count, double margin, int seed)
    {
        var random = new Random(seed);
        var points = new List<ChinaPoint>(count);
        while (points.Count < count)
        {
            var p = new ChinaPoint(73.0 + random.NextDouble() * 62.0, 18.0 + random.NextDouble() * 36.0);
            if (new[] { (0.0, 0.0), (margin, 0.0), (-margin, 0.0), (0.0, margin), (0.0, -margin) }
                .All(d => ChinaRegion.IsInsideChina(p.Lng + d.Item1, p.Lat + d.Item2)))
                points.Add(p);
        }
        return points;
    }
}
