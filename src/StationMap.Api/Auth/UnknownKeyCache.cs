using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using StationMap.Auth;

namespace StationMap.Api.Auth;

/// <summary>
/// Keeps a bogus Authorization header from costing a database lookup on every request: a key that is not in
/// our format is refused without any lookup, and a well-formed key the database did not know is remembered
/// (by hash) for <see cref="Ttl"/>. Bounded: when full it starts over, so a flood of random keys costs at most
/// one lookup per key and a fixed amount of memory. A key created meanwhile works after the TTL.
/// </summary>
internal sealed partial class UnknownKeyCache(TimeProvider clock)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);

    private ConcurrentDictionary<string, DateTimeOffset> _unknown = new();

    public static bool IsWellFormed(string key) => KeyFormat().IsMatch(key);

    public bool IsKnownBad(string key)
    {
        var id = Id(key);
        if (!_unknown.TryGetValue(id, out var until)) return false;
        if (clock.GetUtcNow() < until) return true;
        _unknown.TryRemove(id, out _);
        return false;
    }

    public void RememberUnknown(string key)
    {
        if (_unknown.Count >= Capacity) _unknown = new();
        _unknown[Id(key)] = clock.GetUtcNow() + Ttl;
    }

    private static string Id(string key) => Convert.ToBase64String(KeyHasher.Hash(key));

    [GeneratedRegex(@"^smk_[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyFormat();
}
