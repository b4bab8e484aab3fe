namespace StationMap.Coverage.Siting;

/// <summary>A place a new station could go (gap-cell centre or an uploaded partner site), WGS-84.</summary>
public sealed record SitingCandidate(double Lng, double Lat, string? Label);

public sealed record SitingPick(int Rank, double Lng, double Lat, string? Label, double Gain, double Objective, double Covered1, double Covered2);

/// <summary>The picks in order; <see cref="Curve"/> element k is the coverage after k new stations (0 = today).</summary>
public sealed record SitingResult(double Weight, double BaseObjective, double BaseCovered1, double BaseCovered2, int Candidates, IReadOnlyList<SitingPick> Picks)
{
    /// <summary>
    /// A certificate from submodularity: no k sites beat the greedy objective plus the k largest gains still
    /// available after it, so Objective ÷ this is a lower bound on how close greedy came to the optimum.
    /// </summary>
    public double OptimumUpperBound { get; init; }

    public IEnumerable<(int Added, double Covered1, double Covered2)> Curve =>
        new[] { (0, BaseCovered1, BaseCovered2) }.Concat(Picks.Select(p => (p.Rank, p.Covered1, p.Covered2)));
}

/// <summary>
/// Maximises Σ w·min(count, 2) by adding k stations, existing ones fixed. The objective is monotone submodular, so
/// greedy is within 1 − 1/e of the optimum; lazy evaluation (Minoux) re-scores a candidate only when its stale
/// gain — an upper bound, gains only shrink — reaches the top of the queue.
/// </summary>
public static class GreedySiting
{
    /// <param name="w">Each place's weight, the same the summary shares use (area, or a weight layer's).</param>
    public static SitingResult Run(DemandIndex index, double[] w, int[] baseCounts, IReadOnlyList<SitingCandidate> candidates, ICoverageReach reach, int k,
        IProgress<int>? progress = null)
    {
        var counts = (int[])baseCounts.Clone();
        var touched = new List<int>();
        var covers = new int[candidates.Count][];
        var queue = new PriorityQueue<int, double>();
        for (var j = 0; j < candidates.Count; j++)
        {
            index.Reached(candidates[j].Lng, candidates[j].Lat, reach, touched);
            covers[j] = [.. touched.Where(i => counts[i] < 2)];
            var gain = Gain(covers[j], counts, w);
            if (gain > 0) queue.Enqueue(j, -gain);
        }

        double total = w.Sum(), w1 = 0, w2 = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (counts[i] >= 1) w1 += w[i];
            if (counts[i] >= 2) w2 += w[i];
        }
        var result = new SitingResult(total, w1 + w2, Share(w1, total), Share(w2, total), candidates.Count, new List<SitingPick>());
        var picks = (List<SitingPick>)result.Picks;
        while (picks.Count < k && queue.TryDequeue(out var j, out _))
        {
            var gain = Gain(covers[j], counts, w);
            if (gain <= 0) continue;
            if (queue.TryPeek(out _, out var next) && gain < -next) { queue.Enqueue(j, -gain); continue; }
            foreach (var i in covers[j])
            {
                if (counts[i] == 0) w1 += w[i];
                else if (counts[i] == 1) w2 += w[i];
                counts[i]++;
            }
            var c = candidates[j];
            picks.Add(new SitingPick(picks.Count + 1, c.Lng, c.Lat, c.Label, gain, w1 + w2, Share(w1, total), Share(w2, total)));
            progress?.Report(picks.Count);
        }
        var remaining = covers.Select(c => Gain(c, counts, w)).OrderByDescending(g => g).Take(k).Sum();
        return result with { OptimumUpperBound = (picks.Count > 0 ? picks[^1].Objective : result.BaseObjective) + remaining };
    }

    private static double Share(double part, double whole) => whole > 0 ? part / whole : 0;

    private static double Gain(int[] cover, int[] counts, double[] w)
    {
        double g = 0;
        foreach (var i in cover) if (counts[i] < 2) g += w[i];
        return g;
    }

    /// <summary>Centres of cells covered fewer than twice, thinned evenly to at most <paramref name="max"/>.</summary>
    public static List<SitingCandidate> GapCellCentres(DemandSet demand, int[] counts, int max)
    {
        var gaps = Enumerable.Range(0, demand.Count).Where(i => counts[i] < 2).ToList();
        var step = Math.Max(1, (gaps.Count + max - 1) / max);
        return [.. gaps.Where((_, n) => n % step == 0).Select(i => new SitingCandidate(demand.Lng[i], demand.Lat[i], null))];
    }
}
