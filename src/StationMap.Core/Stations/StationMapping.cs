using Mapster;
using StationMap.Geo;

namespace StationMap.Stations;

/// <summary>Station → StationDto. The output coordinate system is a map parameter ("coordsys").</summary>
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
    }

    public static LocationDto Locate(double lng, double lat, CoordSys sys)
    {
        var c = new Coordinate(lng, lat, CoordSys.Wgs84).To(sys);
        return new LocationDto(Math.Round(c.Lng, 7), Math.Round(c.Lat, 7), sys.ToWire());
    }

    private static CoordSys OutputSys() =>
        MapContext.Current?.Parameters.TryGetValue(CoordsysParameter, out var v) == true && v is CoordSys sys ? sys : CoordSys.Wgs84;
}
