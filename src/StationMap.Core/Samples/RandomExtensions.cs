namespace StationMap.Samples;

/// <summary>Small helpers over a seeded <see cref="Random"/>; a seeded Random gives the same sequence on every .NET version.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>Standard normal draw (Box–Muller).</summary>
    public static double Gaussian(this Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Picks by weight; <paramref name="cumulative"/> holds running totals.</summary>
    public static int PickWeighted(this Random rng, double[] cumulative)
    {
        int i = Array.BinarySearch(cumulative, rng.NextDouble() * cumulative[^1]);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        double sum = 0;
        return weights.Select(w => sum += w).ToArray();
    }
}
