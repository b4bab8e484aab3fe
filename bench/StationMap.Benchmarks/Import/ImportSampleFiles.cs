using System.Globalization;
using StationMap.Common;
using StationMap.Samples;

namespace StationMap.Benchmarks.Import;

/// <summary>`import-sample COUNT DIR`: writes DIR/stations-COUNT.csv and .xlsx from Samples.China (seed 7),
/// streamed, for bench/import.sh.</summary>
internal static class ImportSampleFiles
{
    public static int Run(string[] args)
    {
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var dir = Directory.CreateDirectory(args[2]).FullName;
        var csv = Path.Combine(dir, $"stations-{count}.csv");
        using (var writer = new StreamWriter(csv, false, new System.Text.UTF8Encoding(false)))
            SampleCsv.Write(SampleStationGenerator.China(count, seed: 7), writer);
        var xlsx = Path.Combine(dir, $"stations-{count}.xlsx");
        using (var file = File.Create(xlsx))
        using (var book = new XlsxWorkbookWriter(file))
            book.AddSheet("Sheet1", Headers, SampleStationGenerator.China(count, seed: 7).Select(Cells));
        Console.WriteLine($"{csv}\n{xlsx}");
        return 0;
    }

    private static readonly string[] Headers =
        ["code", "name", "address", "lng", "lat", "coordsys", "adcode", "type", "services", "hours", "phone", "host", "host_kind", "public", "status", "area_m2", "notes"];

    private static object?[] Cells(SampleStationRow r) =>
    [
        r.Code, r.Name, r.Address, r.Lng, r.Lat, r.CoordSys, r.Adcode, r.Type, r.Services, r.Hours, r.Phone,
        r.Host, r.HostKind, r.Public ? "true" : "false", r.Status, r.AreaM2, r.Notes,
    ];
}
