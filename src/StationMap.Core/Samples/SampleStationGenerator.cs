using System.Globalization;
using StationMap.Divisions;
using StationMap.Stations;

namespace StationMap.Samples;

/// <summary>
/// Makes realistic but SYNTHETIC stations (every row's notes say so) for demos, tests and benchmarks.
/// The same seed always gives the same rows, codes included.
/// </summary>
public static class SampleStationGenerator
{
    public const int BeijingCount = 2400;

    private static readonly string[] Stems =
        ["人民", "解放", "中山", "建设", "和平", "新华", "文化", "胜利", "长江", "黄河", "青年", "光明", "幸福", "工业", "朝阳", "滨江", "站前", "迎宾", "学府", "东风"];

    /// <summary>About 2,400 stations over Beijing's 16 districts, denser in the centre.</summary>
    public static IReadOnlyList<SampleStationRow> Beijing(int seed = 2026)
    {
        var rng = new Random(seed);
        var counts = Apportion(BeijingCount, BeijingDistricts.All.Select(d => d.Weight).ToArray());
        var rows = new List<SampleStationRow>(BeijingCount);
        var names = new HashSet<string>();
        for (int i = 0; i < BeijingDistricts.All.Length; i++)
        {
            var district = BeijingDistricts.All[i];
            for (int seq = 1; seq <= counts[i]; seq++)
            {
                var place = new SamplePlace("北京市", "北京市", district.Name, rng.Pick(district.Streets));
                var (lng, lat) = ScatterInBeijing(rng, district);
                var row = Make(rng, place, district.Adcode, seq, lng, lat, beijing: true);
                rows.Add(names.Add(row.Name) ? row : row with { Name = Distinct(row, place.Street, names) });
            }
        }
        return rows;
    }

    /// <summary>
    /// <paramref name="count"/> stations clustered around ~160 real city centres, streamed so that even
    /// 1.5 million never sit in memory at once. Names may repeat; codes do not.
    /// </summary>
    public static IEnumerable<SampleStationRow> China(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var divisions = AdministrativeDivisions.LoadDefault();
        var cities = SampleCities.All;
        var cumulative = RandomExtensions.Cumulative(cities.Select(c => c.Weight));
        var sequence = new Dictionary<string, int>();
        var rng = new Random(seed);
        for (int n = 0; n < count; n++)
        {
            var city = cities[rng.PickWeighted(cumulative)];
            int seq = sequence[city.Adcode] = sequence.GetValueOrDefault(city.Adcode) + 1;
            string province = divisions.ProvinceName(city.Adcode) ?? city.Name;
            string district = divisions.Find(city.Adcode) is { Level: DivisionLevel.District } d ? d.Name : "";
            var place = new SamplePlace(province, city.Name, district, rng.Pick(Stems) + "街道");
            // Bigger cities spread wider: 5 km sigma for the smallest, ~12 km for the largest.
            double sigmaKm = 3 + 2 * Math.Sqrt(city.Weight);
            var (lng, lat) = Offset(city.Lng, city.Lat, rng.Gaussian() * sigmaKm, rng.Gaussian() * sigmaKm);
            yield return Make(rng, place, city.Adcode, seq, lng, lat, beijing: false);
        }
    }

    private static SampleStationRow Make(Random rng, SamplePlace place, string adcode, int seq, double lng, double lat, bool beijing)
    {
        place = place with { Road = StationNaming.DrawRoad(rng, place) };
        var kind = StationNaming.DrawHost(rng);
        var (name, host, hotline) = StationNaming.Draw(rng, kind, place);
        var type = StationTraits.DrawType(rng);
        return new SampleStationRow(
            Code: $"{ProvinceAbbreviations.For(adcode)}{adcode}-{seq.ToString("D6", CultureInfo.InvariantCulture)}",
            Name: type == StationType.Mobile ? name.Replace("驿站", "流动驿站").Replace("服务站点", "流动服务站点") : name,
            Address: StationNaming.DrawAddress(rng, place),
            Lng: Math.Round(lng, 7),
            Lat: Math.Round(lat, 7),
            CoordSys: "wgs84",
            Adcode: adcode,
            Type: Wire(type),
            Services: StationTraits.DrawServices(rng, type),
            Hours: StationTraits.DrawHours(rng, kind, type),
            Phone: StationTraits.DrawPhone(rng, kind, hotline, beijing),
            Host: host,
            HostKind: Wire(kind),
            Public: !rng.Chance(0.03),
            Status: Wire(StationTraits.DrawStatus(rng)),
            AreaM2: StationTraits.DrawArea(rng, type),
            Notes: SampleStationRow.SyntheticNote);
    }

    /// <summary>Gaussian scatter around the district centre, redrawn until inside its circle and Beijing's box.</summary>
    private static (double Lng, double Lat) ScatterInBeijing(Random rng, SampleDistrict d)
    {
        while (true)
        {
            double dx = rng.Gaussian() * d.RadiusKm / 2, dy = rng.Gaussian() * d.RadiusKm / 2;
            if (dx * dx + dy * dy > d.RadiusKm * d.RadiusKm)
                continue;
            var (lng, lat) = Offset(d.Lng, d.Lat, dx, dy);
            if (lng is > BeijingDistricts.MinLng and < BeijingDistricts.MaxLng && lat is > BeijingDistricts.MinLat and < BeijingDistricts.MaxLat)
                return (lng, lat);
        }
    }

    private static (double Lng, double Lat) Offset(double lng, double lat, double eastKm, double northKm) =>
        (lng + eastKm / (111.32 * Math.Cos(double.DegreesToRadians(lat))), lat + northKm / 111.32);

    /// <summary>Splits <paramref name="total"/> by weight with the largest-remainder method, so the sum is exact.</summary>
    private static int[] Apportion(int total, double[] weights)
    {
        double sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(e => (int)e).ToArray();
        foreach (int i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - counts[i]).Take(total - counts.Sum()))
            counts[i]++;
        return counts;
    }

    /// <summary>Two stations of one street with one pattern: tell them apart by road, then by number.</summary>
    private static string Distinct(SampleStationRow row, string street, HashSet<string> taken)
    {
        int roadStart = row.Address.IndexOf(street, StringComparison.Ordinal) + street.Length;
        string road = row.Address[roadStart..].TrimEnd('号').TrimEnd("0123456789".ToCharArray());
        if (taken.Add($"{row.Name}（{road}）"))
            return $"{row.Name}（{road}）";
        for (int n = 2; ; n++)
        {
            string candidate = $"{row.Name}（{road}{n}号点）";
            if (taken.Add(candidate))
                return candidate;
        }
    }

    private static string Wire<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
