using System.Globalization;
using System.Text;
using StationMap.Samples;

namespace StationMap.Benchmarks.Nearby;

/// <summary>
/// Where benchmark queries come from: within ±0.08° (≈ 8 km) of the 20 biggest sample cities, where
/// couriers and stations are. pgbench and wrk draw from the same distribution.
/// </summary>
internal static class NearestQueryPoints
{
    public const double Jitter = 0.08;

    public static IReadOnlyList<(double Lng, double Lat)> Cities { get; } =
        SampleCities.All.OrderByDescending(c => c.Weight).Take(20).Select(c => (c.Lng, c.Lat)).ToList();

    /// <summary>pgbench \set lines defining :lng and :lat.</summary>
    public static string PgbenchSets()
    {
        var sb = new StringBuilder($"\\set c random(0, {Cities.Count - 1})\n");
        sb.Append("\\set lng random(-80000, 80000) / 1000000.0 + case");
        for (var i = 0; i < Cities.Count; i++) sb.Append(CultureInfo.InvariantCulture, $" when :c = {i} then {Cities[i].Lng}");
        sb.Append(" end\n\\set lat random(-80000, 80000) / 1000000.0 + case");
        for (var i = 0; i < Cities.Count; i++) sb.Append(CultureInfo.InvariantCulture, $" when :c = {i} then {Cities[i].Lat}");
        return sb.Append(" end\n").ToString();
    }

    /// <summary>A wrk Lua script requesting <paramref name="path"/>?lng=&amp;lat= from the same distribution.</summary>
    public static string WrkLua(string path)
    {
        var cities = string.Join(", ", Cities.Select(c => string.Create(CultureInfo.InvariantCulture, $"{{{c.Lng}, {c.Lat}}}")));
        return $$"""
            math.randomseed(42)
            local cities = { {{cities}} }
            request = function()
              local c = cities[math.random(#cities)]
              local lng = c[1] + (math.random() * 2 - 1) * {{Jitter.ToString(CultureInfo.InvariantCulture)}}
              local lat = c[2] + (math.random() * 2 - 1) * {{Jitter.ToString(CultureInfo.InvariantCulture)}}
              return wrk.format("GET", string.format("{{path}}?lng=%.6f&lat=%.6f", lng, lat))
            end
            """;
    }
}
