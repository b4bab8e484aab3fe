using BenchmarkDotNet.Attributes;
using StationMap.Geo;

namespace StationMap.Benchmarks.Geo;

/// <summary>Nanoseconds per conversion, averaged over a fixed set of 1024 points inside China.</summary>
[ShortRunJob]
public class ConvertBenchmarks
{
    private const int N = 1024;
    private readonly double[] _lng = new double[N], _lat = new double[N];
    private readonly double[] _gLng = new double[N], _gLat = new double[N];
    private readonly double[] _bLng = new double[N], _bLat = new double[N];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < N;)
        {
            double lng = 73 + random.NextDouble() * 62, lat = 18 + random.NextDouble() * 36;
            if (!ChinaRegion.IsInsideChina(lng, lat)) continue;
            (_lng[i], _lat[i]) = (lng, lat);
            CoordConvert.Wgs84ToGcj02(lng, lat, out _gLng[i], out _gLat[i]);
            CoordConvert.Gcj02ToBd09(_gLng[i], _gLat[i], out _bLng[i], out _bLat[i]);
            i++;
        }
    }

    [Benchmark(OperationsPerInvoke = N)]
    public double IsInChina()
    {
        var n = 0;
        for (var i = 0; i < N; i++) if (ChinaRegion.IsInOffsetRegion(_lng[i], _lat[i])) n++;
        return n;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public double Wgs84ToGcj02() => Run(_lng, _lat, CoordConvert.Wgs84ToGcj02);

    [Benchmark(OperationsPerInvoke = N)]
    public double Gcj02ToWgs84() => Run(_gLng, _gLat, CoordConvert.Gcj02ToWgs84);

    [Benchmark(OperationsPerInvoke = N)]
    public double Gcj02ToBd09() => Run(_gLng, _gLat, CoordConvert.Gcj02ToBd09);

    [Benchmark(OperationsPerInvoke = N)]
    public double Bd09ToGcj02() => Run(_bLng, _bLat, CoordConvert.Bd09ToGcj02);

    [Benchmark(OperationsPerInvoke = N)]
    public double Wgs84ToBd09() => Run(_lng, _lat, CoordConvert.Wgs84ToBd09);

    [Benchmark(OperationsPerInvoke = N)]
    public double Bd09ToWgs84() => Run(_bLng, _bLat, CoordConvert.Bd09ToWgs84);

    [Benchmark(OperationsPerInvoke = N)]
    public double Bd09ToBd09Mc() => Run(_bLng, _bLat, CoordConvert.Bd09ToBd09Mc);

    [Benchmark(OperationsPerInvoke = N)]
    public double Bd09McToWgs84ViaCoordinate()
    {
        var sum = 0.0;
        for (var i = 0; i < N; i++)
            sum += new Coordinate(_bLng[i] * 111_000, _bLat[i] * 111_000, CoordSys.Bd09Mc).To(CoordSys.Wgs84).Lng;
        return sum;
    }

    private delegate void Conversion(double lng, double lat, out double x, out double y);

    // The delegate call costs ~1-2 ns, small against the conversions measured.
    private static double Run(double[] lng, double[] lat, Conversion convert)
    {
        var sum = 0.0;
        for (var i = 0; i < lng.Length; i++)
        {
            convert(lng[i], lat[i], out var x, out var y);
            sum += x + y;
        }
        return sum;
    }
}
