using System.Text.Json;

namespace StationMap.Stations;

/// <summary>The JSON kept in the history for each version: the full record, coordinates with their system.</summary>
internal static class StationSnapshot
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static JsonDocument Of(Station s) => JsonSerializer.SerializeToDocument(new
    {
        s.Code, s.Name, s.Address, s.Adcode,
        location = new { lng = s.Lng, lat = s.Lat, coordsys = "wgs84" },
        submitted = new { lng = s.SubmittedLng, lat = s.SubmittedLat, coordsys = Geo.CoordSysNames.ToWire(s.SubmittedCoordSys) },
        type = EnumNames.Wire(s.Type), s.AreaM2, s.Services, s.OpeningHours, s.Phone, s.HostOrganization,
        hostKind = EnumNames.Wire(s.HostKind), s.ManagingOrgId, s.IsPublic, status = EnumNames.Wire(s.Status),
        s.Photos, s.Notes, s.Version, s.CreatedAt, s.CreatedBy, s.UpdatedAt, s.UpdatedBy, s.DeletedAt, s.DeletedBy,
    }, Options);
}
