using StationMap.Nearby;

namespace StationMap.Tests.Nearby;

/// <summary>The SQL path reads a row's text only when <see cref="BestDistances"/> takes it: it must never turn away a final answer.</summary>
public class BestDistancesTests
{
    [Fact]
    public void Every_distance_that_ends_among_the_k_smallest_was_taken_when_offered()
    {
        var rng = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var k = rng.Next(1, 8);
            // Whole metres, so ties are common, in roughly ascending order as the KNN scan delivers them.
            var offered = Enumerable.Range(0, rng.Next(0, 40)).Select(i => (double)(i * 3 + rng.Next(12))).ToArray();
            var best = new BestDistances(k);
            var taken = offered.Select(best.Offer).ToArray();
            var finalKth = offered.Order().Take(k).DefaultIfEmpty().Max();
            for (var i = 0; i < offered.Length; i++)
                if (offered[i] <= finalKth) Assert.True(taken[i], $"round {round}: {offered[i]} m (row {i}) was turned away");
        }
    }

    [Fact]
    public void Once_k_are_held_a_farther_one_is_turned_away_and_a_tie_is_taken()
    {
        var best = new BestDistances(2);
        Assert.True(best.Offer(5));
        Assert.True(best.Offer(9));
        Assert.False(best.Offer(12));
        Assert.True(best.Offer(9)); // ties are settled later, by code
        Assert.True(best.Offer(1));
        Assert.False(best.Offer(6)); // now 1 and 5 are the best two
    }
}
