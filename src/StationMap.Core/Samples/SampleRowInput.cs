using System.Globalization;
using StationMap.Stations;

namespace StationMap.Samples;

public static class SampleRowInput
{
    /// <summary>A sample row as a station input, so it passes the same validation as any other write.</summary>
    public static StationInput ToInput(this SampleStationRow r) => new()
    {
        Code = r.Code, Name = r.Name, Address = r.Address, Adcode = r.Adcode, Lng = r.Lng, Lat = r.Lat,
        Coordsys = r.CoordSys, Type = r.Type, AreaM2 = decimal.Parse(r.AreaM2.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        Services = r.Services.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(), OpeningHours = r.Hours,
        Phone = r.Phone, HostOrganization = r.Host, HostKind = r.HostKind, IsPublic = r.Public, Status = r.Status,
        Notes = r.Notes,
    };
}
