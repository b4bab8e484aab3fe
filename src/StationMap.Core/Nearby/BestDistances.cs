namespace StationMap.Nearby;

/// <summary>The k smallest distances offered so far (k ≤ <see cref="NearestRequest.MaxLimit"/>, so a sorted array is enough).</summary>
internal sealed class BestDistances(int k)
{
    private readonly double[] _best = new double[k];
    private int _count;

    /// <summary>
    /// Takes <paramref name="d"/> if it is among the k best so far. Ties are taken: the final order breaks them by code.
    /// The k-th best only shrinks, so anything that ends among the k best was taken when it was offered.
    /// </summary>
    public bool Offer(double d)
    {
        if (_count == _best.Length && d > _best[^1]) return false;
        var at = _count < _best.Length ? _count++ : _best.Length - 1;
        while (at > 0 && _best[at - 1] > d) { _best[at] = _best[at - 1]; at--; }
        _best[at] = d;
        return true;
    }
}
