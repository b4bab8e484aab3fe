using System.Globalization;
using MiniExcelLibs;
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
        File.Delete(xlsx);
        MiniExcel.SaveAs(xlsx, SampleStationGenerator.China(count, seed: 7).Select(Cells));
        Console.WriteLine($"{csv}\n{xlsx}");
        return 0;
    }

    private static Dictionary<string, object> Cells(SampleStationRow r) => new()
    {
        ["code"] = r.Code, ["name"] = r.Name, ["address"] = r.Address, ["lng"] = r.Lng, ["lat"] = r.Lat, ["coordsys"] = r.CoordSys,
        ["adcode"] = r.Adcode, ["type"] = r.Type, ["services"] = r.Services, ["hours"] = r.Hours, ["phone"] = r.Phone,
        ["host"] = r.Host, ["host_kind"] = r.HostKind, ["public"] = r.Public ? "true" : "false", ["status"] = r.Status,
        ["area_m2"] = r.AreaM2, ["notes"] = r.Notes,
    };
}
