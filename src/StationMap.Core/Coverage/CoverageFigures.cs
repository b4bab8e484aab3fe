namespace StationMap.Coverage;

/// <summary>The reported metric for one district or a whole region (docs/coverage.md, "Definitions").</summary>
public sealed record CoverageFigures(
    string Adcode, string Name, int Cells, double Weight,
    double Covered1, double Covered2, double CellsCovered1, double CellsCovered2,
    int Gap0Cells, double Gap0Weight, int Gap1Cells, double Gap1Weight,
    IReadOnlyList<CriticalStation> Critical)
{
    /// <summary>Σ w·min(count, 2): the siting objective.</summary>
    public double Objective => Weight * (Covered1 + Covered2);

    /// <summary>With a weight layer: the same figures weighted by area (Weight and the gaps' weights are then the layer's).</summary>
    public CoverageFigures? ByArea { get; init; }
}

/// <summary>What closing the station would lose: weight falling from 1 to 0 and from 2 to 1.</summary>
public sealed record CriticalStation(long Id, string Code, string Name, double Lng, double Lat, double Loss1, double Loss2);

/// <summary>Adds up places and their counts; districts merge into a region by adding tallies.</summary>
public sealed class CoverageTally
{
    public int Cells, Cells1, Cells2, Gap0Cells, Gap1Cells;
    public double Weight, Weight1, Weight2, Gap0Weight, Gap1Weight;

    public void Add(DemandSet demand, int[] counts) => Add(demand.Weight, counts);

    /// <param name="weight">Each place's weight (<see cref="DistrictResult.Weights"/> for a district's cells).</param>
    public void Add(double[] weight, int[] counts)
    {
        for (var i = 0; i < weight.Length; i++)
        {
            var w = weight[i];
            Cells++; Weight += w;
            switch (counts[i])
            {
                case 0: Gap0Cells++; Gap0Weight += w; break;
                case 1: Gap1Cells++; Gap1Weight += w; Cells1++; Weight1 += w; break;
                default: Cells1++; Cells2++; Weight1 += w; Weight2 += w; break;
            }
        }
    }

    public void Add(CoverageTally other)
    {
        Cells += other.Cells; Cells1 += other.Cells1; Cells2 += other.Cells2; Gap0Cells += other.Gap0Cells; Gap1Cells += other.Gap1Cells;
        Weight += other.Weight; Weight1 += other.Weight1; Weight2 += other.Weight2; Gap0Weight += other.Gap0Weight; Gap1Weight += other.Gap1Weight;
    }

    public CoverageFigures ToFigures(string adcode, string name, IReadOnlyList<CriticalStation> critical) => new(
        adcode, name, Cells, Weight, Share(Weight1, Weight), Share(Weight2, Weight), Share(Cells1, Cells), Share(Cells2, Cells),
        Gap0Cells, Gap0Weight, Gap1Cells, Gap1Weight, critical);

    private static double Share(double part, double whole) => whole > 0 ? part / whole : 0;
}

public static class CriticalStations
{
    /// <summary>The <paramref name="top"/> stations whose closure loses most Σ w·min(count, 2), largest first.</summary>
    /// <param name="weight">Each place's weight, the same the summary shares use.</param>
    public static List<CriticalStation> Find(DemandIndex index, double[] weight, int[] counts, IEnumerable<CoverageStation> stations, ICoverageReach reach, int top)
    {
        var result = new List<CriticalStation>();
        if (top <= 0) return result;
        var touched = new List<int>();
        foreach (var s in stations)
        {
            if (!index.MayReach(s.Lng, s.Lat)) continue;
            index.Reached(s.Lng, s.Lat, reach, touched);
            double loss1 = 0, loss2 = 0;
            foreach (var i in touched)
            {
                if (counts[i] == 1) loss1 += weight[i];
                else if (counts[i] == 2) loss2 += weight[i];
            }
            if (loss1 + loss2 > 0) result.Add(new CriticalStation(s.Id, s.Code, s.Name, s.Lng, s.Lat, loss1, loss2));
        }
        return [.. result.OrderByDescending(c => c.Loss1 + c.Loss2).ThenBy(c => c.Id).Take(top)];
    }
}
