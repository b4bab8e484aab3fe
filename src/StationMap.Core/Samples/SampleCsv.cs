using System.Globalization;
using Sylvan.Data.Csv;

namespace StationMap.Samples;

/// <summary>Writes and reads sample stations as CSV with English headers (the import format). Sylvan does the quoting.</summary>
public static class SampleCsv
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (string Name, Func<SampleStationRow, string> Value)[] Columns =
    [
        ("code", r => r.Code), ("name", r => r.Name), ("address", r => r.Address),
        ("lng", r => r.Lng.ToString("F7", Invariant)), ("lat", r => r.Lat.ToString("F7", Invariant)),
        ("coordsys", r => r.CoordSys), ("adcode", r => r.Adcode), ("type", r => r.Type),
        ("services", r => r.Services), ("hours", r => r.Hours), ("phone", r => r.Phone), ("host", r => r.Host),
        ("host_kind", r => r.HostKind), ("public", r => r.Public ? "true" : "false"), ("status", r => r.Status),
        ("area_m2", r => r.AreaM2.ToString("0.0", Invariant)), ("notes", r => r.Notes),
    ];

    public static IReadOnlyList<string> Headers { get; } = Columns.Select(c => c.Name).ToArray();

    /// <summary>Streams rows out; fine for 1.5 million rows.</summary>
    public static void Write(IEnumerable<SampleStationRow> rows, TextWriter output)
    {
        using var reader = new RowDataReader<SampleStationRow>(rows, Columns);
        using var csv = CsvDataWriter.Create(output, new CsvDataWriterOptions { NewLine = "\n" });
        csv.Write(reader);
    }

    /// <summary>Reads rows written by <see cref="Write"/>, lazily.</summary>
    public static IEnumerable<SampleStationRow> Read(TextReader input)
    {
        using var csv = CsvDataReader.Create(input);
        var at = Headers.Select(csv.GetOrdinal).ToArray();
        string Text(int column) => csv.GetString(at[column]);
        double Number(int column) => double.Parse(Text(column), Invariant);
        while (csv.Read())
        {
            yield return new SampleStationRow(
                Text(0), Text(1), Text(2), Number(3), Number(4), Text(5), Text(6), Text(7), Text(8), Text(9),
                Text(10), Text(11), Text(12), bool.Parse(Text(13)), Text(14), Number(15), Text(16));
        }
    }
}
