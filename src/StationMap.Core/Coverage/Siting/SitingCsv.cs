using System.Globalization;
using StationMap.Feeds.Rows;
using StationMap.Samples;
using Sylvan.Data.Csv;

namespace StationMap.Coverage.Siting;

/// <summary>
/// The picks as CSV for planners (opened in Excel): WGS-84 points, the label guarded against formulas (it comes from
/// an uploaded candidates file), gains in m² or, with a weight layer, in its unit. Sylvan does the quoting.
/// </summary>
public static class SitingCsv
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, IEnumerable<SitingPick> picks, bool weighted)
    {
        (string, Func<SitingPick, string>)[] columns =
        [
            ("rank", p => p.Rank.ToString(Invariant)),
            ("lng", p => p.Lng.ToString("0.0000000", Invariant)),
            ("lat", p => p.Lat.ToString("0.0000000", Invariant)),
            ("coordsys", _ => "wgs84"),
            ("label", p => SpreadsheetText.Neutralise(p.Label ?? "")),
            (weighted ? "gain_weight" : "gain_m2", p => p.Gain.ToString(weighted ? "0.###" : "0", Invariant)),
            ("covered1", p => p.Covered1.ToString("0.000000", Invariant)),
            ("covered2", p => p.Covered2.ToString("0.000000", Invariant)),
        ];
        using var reader = new RowDataReader<SitingPick>(picks, columns);
        using var csv = CsvDataWriter.Create(output, new CsvDataWriterOptions { NewLine = "\n" });
        csv.Write(reader);
    }
}
