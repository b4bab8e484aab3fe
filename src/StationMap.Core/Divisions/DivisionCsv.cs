using System.Globalization;
using Sylvan.Data.Csv;

namespace StationMap.Divisions;

/// <summary>Reads the two CSV files of data/divisions (also embedded in this assembly).</summary>
internal static class DivisionCsv
{
    public static List<Division> ReadDivisions(TextReader text)
    {
        using var csv = CsvDataReader.Create(text);
        int code = csv.GetOrdinal("code"), name = csv.GetOrdinal("name"), level = csv.GetOrdinal("level"), parent = csv.GetOrdinal("parent");
        var list = new List<Division>(3300);
        while (csv.Read())
        {
            var parentCode = csv.GetString(parent);
            list.Add(new Division(csv.GetString(code), csv.GetString(name), ParseLevel(csv.GetString(level)),
                parentCode.Length == 0 ? null : parentCode));
        }
        return list;
    }

    public static List<ProvinceBox> ReadBoxes(TextReader text)
    {
        using var csv = CsvDataReader.Create(text);
        int code = csv.GetOrdinal("code"), name = csv.GetOrdinal("name");
        int minLng = csv.GetOrdinal("min_lng"), minLat = csv.GetOrdinal("min_lat");
        int maxLng = csv.GetOrdinal("max_lng"), maxLat = csv.GetOrdinal("max_lat");
        var list = new List<ProvinceBox>(34);
        while (csv.Read())
        {
            list.Add(new ProvinceBox(csv.GetString(code), csv.GetString(name),
                Number(csv, minLng), Number(csv, minLat), Number(csv, maxLng), Number(csv, maxLat)));
        }
        return list;
    }

    private static double Number(CsvDataReader csv, int ordinal) =>
        double.Parse(csv.GetString(ordinal), CultureInfo.InvariantCulture);

    private static DivisionLevel ParseLevel(string level) => level switch
    {
        "province" => DivisionLevel.Province,
        "city" => DivisionLevel.City,
        "district" => DivisionLevel.District,
        _ => throw new InvalidDataException($"unknown division level '{level}'"),
    };
}
