using Mapster;
using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Mapping;

/// <summary>The one Mapster configuration, filled by scanning every IRegister in Core.</summary>
public static class Mappings
{
    public static readonly TypeAdapterConfig Config = Build();

    private static TypeAdapterConfig Build()
    {
        var config = new TypeAdapterConfig();
        config.Scan(typeof(Mappings).Assembly);
        return config;
    }

    public static StationDto ToDto(this Station station, CoordSys output = CoordSys.Wgs84) =>
        station.BuildAdapter(Config).AddParameters(StationMapping.CoordsysParameter, output).AdaptToType<StationDto>();

    /// <summary>Copies a validated input's fields onto a new or stored station.</summary>
    public static void ApplyTo(this StationFields fields, Station station) => fields.Adapt(station, Config);

    /// <summary>What anyone may see: no actor (a key's label and prefix), no internal notes, no managing organisation.</summary>
    public static StationDto ToPublicDto(this Station station, CoordSys output = CoordSys.Wgs84) =>
        station.ToDto(output) with { CreatedBy = null, UpdatedBy = null, Notes = null, ManagingOrgId = null };
}
