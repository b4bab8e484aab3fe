using Google.OrTools.Sat;
using StationMap.Coverage;
using StationMap.Coverage.Siting;

namespace StationMap.Tests.Coverage;

public class SitingTests
{
    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)]
    [InlineData(6)] [InlineData(7)] [InlineData(8)] [InlineData(9)] [InlineData(10)]
    public void Greedy_is_within_one_minus_one_over_e_of_the_exact_optimum(int seed)
    {
        var rng = new Random(seed);
        const int points = 60, sites = 18, k = 4;
        var demand = new DemandSet
        {
            Lng = [.. Enumerable.Range(0, points).Select(_ => 116.40 + rng.NextDouble() * 0.04)],
            Lat = [.. Enumerable.Range(0, points).Select(_ => 39.90 + rng.NextDouble() * 0.03)],
            Weight = [.. Enumerable.Range(0, points).Select(_ => (double)rng.Next(1, 10))],
        };
        var counts = Enumerable.Range(0, points).Select(_ => rng.Next(0, 3)).ToArray();
        var candidates = Enumerable.Range(0, sites).Select(_ => new SitingCandidate(116.40 + rng.NextDouble() * 0.04, 39.90 + rng.NextDouble() * 0.03, null)).ToList();
        var reach = new SpheroidRadius(900);
        var index = new DemandIndex(demand, 900);

        var greedy = GreedySiting.Run(index, demand.Weight, counts, candidates, reach, k);
        var greedyValue = greedy.Picks.Count > 0 ? greedy.Picks[^1].Objective : greedy.BaseObjective;
        var optimum = Exact(demand, counts, candidates, reach, k);

        Assert.True(greedyValue >= (1 - 1 / Math.E) * optimum - 1e-9, $"greedy {greedyValue} vs optimum {optimum}");
        Assert.True(greedyValue <= optimum + 1e-9);
        Assert.Equal(greedy.Picks.Select(p => p.Gain).OrderByDescending(g => g), greedy.Picks.Select(p => p.Gain)); // gains never grow
        Assert.True(greedy.OptimumUpperBound >= optimum - 1e-9, "the submodular certificate bounds the optimum");
    }

    /// <summary>max Σ w·z, z ≤ count + Σ x over covering sites, z ≤ 2, Σ x = k, solved to optimality by CP-SAT.</summary>
    private static double Exact(DemandSet demand, int[] counts, List<SitingCandidate> candidates, SpheroidRadius reach, int k)
    {
        var model = new CpModel();
        var x = candidates.Select((_, j) => model.NewBoolVar($"x{j}")).ToArray();
        model.Add(LinearExpr.Sum(x) == k);
        var objective = new List<LinearExpr>();
        for (var i = 0; i < demand.Count; i++)
        {
            var z = model.NewIntVar(0, 2, $"z{i}");
            var covering = x.Where((_, j) => reach.Reaches(candidates[j].Lng, candidates[j].Lat, demand.Lng[i], demand.Lat[i])).ToArray();
            model.Add(z <= counts[i] + LinearExpr.Sum(covering));
            objective.Add(z * (long)demand.Weight[i]);
        }
        model.Maximize(LinearExpr.Sum(objective));
        var solver = new CpSolver();
        Assert.Equal(CpSolverStatus.Optimal, solver.Solve(model));
        return solver.ObjectiveValue;
    }

    [Fact]
    public void Each_pick_reports_its_gain_and_the_curve_climbs_to_the_final_coverage()
    {
        var rng = new Random(3);
        var demand = new DemandSet
        {
            Lng = [.. Enumerable.Range(0, 500).Select(_ => 116.40 + rng.NextDouble() * 0.05)],
            Lat = [.. Enumerable.Range(0, 500).Select(_ => 39.90 + rng.NextDouble() * 0.05)],
            Weight = [.. Enumerable.Repeat(1.0, 500)],
        };
        var counts = new int[500];
        var index = new DemandIndex(demand, 1000);
        var candidates = GreedySiting.GapCellCentres(demand, counts, 200);
        var result = GreedySiting.Run(index, demand.Weight, counts, candidates, new SpheroidRadius(1000), 5);
        Assert.Equal(5, result.Picks.Count);
        Assert.Equal(result.BaseObjective + result.Picks.Sum(p => p.Gain), result.Picks[^1].Objective, 6);
        var curve = result.Curve.ToList();
        Assert.Equal(6, curve.Count);
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.Second.Covered1 + p.Second.Covered2 > p.First.Covered1 + p.First.Covered2));
    }
}
