namespace StationMap.Samples;

/// <summary>
/// One synthetic station in the shape of an import row. Enumerations are their lower-case wire names
/// ("micro", "postoffice", "suspended"); <see cref="Services"/> is catalogue codes joined by commas.
/// </summary>
public sealed record SampleStationRow(
    string Code,
    string Name,
    string Address,
    double Lng,
    double Lat,
    string CoordSys,
    string Adcode,
    string Type,
    string Services,
    string Hours,
    string Phone,
    string Host,
    string HostKind,
    bool Public,
    string Status,
    double AreaM2,
    string Notes)
{
    public const string SyntheticNote = "合成样例数据 / synthetic sample data";
}
