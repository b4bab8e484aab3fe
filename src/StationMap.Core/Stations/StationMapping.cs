using Mapster;
using Point = NetTopologySuite.Geometries.Point;
using StationMap.Geo;

namespace StationMap.Stations;

/// <summary>Station → StationDto (the output coordinate system is a map parameter, "coordsys"), and a validated input
/// onto a stored station.</summary>
public sealed class StationMapping : IRegister
{
    public const string CoordsysParameter = "coordsys";

    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Station, StationDto>()
            .Map(d => d.Location, s => Locate(s.Lng, s.Lat, OutputSys()))
            .Map(d => d.Submitted, s => new LocationDto(s.SubmittedLng, s.SubmittedLat, s.SubmittedCoordSys.ToWire()))
            .Map(d => d.Type, s => EnumNames.Wire(s.Type))
            .Map(d => d.HostKind, s => EnumNames.Wire(s.HostKind))
            .Map(d => d.Status, s => EnumNames.Wire(s.Status));

        // Every field a caller may set, matched by name; the code, version and who/when stay the writer's to set.
        config.NewConfig<StationFields, Station>()
            .ShallowCopyForSameType(true) // the new Point and lists replace the stored ones (EF sees the change)
            .Ignore(d => d.Id, d => d.Code, d => d.ManagingOrgId, d => d.Version, d => d.CreatedAt, d => d.CreatedBy,
                d => d.UpdatedAt, d => d.UpdatedBy, d => d.DeletedAt!, d => d.DeletedBy!)
            .Map(d => d.Location, f => new Point(f.Wgs84.Lng, f.Wgs84.Lat) { SRID = 4326 })
            .Map(d => d.SubmittedLng, f => f.Submitted.Lng)
            .Map(d => d.SubmittedLat, f => f.Submitted.Lat)
            .Map(d => d.SubmittedCoordSys, f => f.Submitted.Sys);
    }

    public static LocationDto Locate(double lng, double lat, CoordSys sys)
    {
        var c = new Coordinate(lng, lat, CoordSys.Wgs84).To(sys);
        return new LocationDto(Math.Round(c.Lng, 7), Math.Round(c.Lat, 7), sys.ToWire());
    }

    private static CoordSys OutputSys() =>
        MapContext.Current?.Parameters.TryGetValue(CoordsysParameter, out var v) == true && v is CoordSys sys ? sys : CoordSys.Wgs84;
}
