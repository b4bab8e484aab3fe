using Mapster;
using NetTopologySuite.Geometries;
using StationMap.Mapping;
using StationMap.Stations;

namespace StationMap.Tests.Mapping;

public class MappingConfigurationTests
{
    [Fact]
    public void Every_mapping_compiles_with_every_destination_member_sourced()
    {
        var config = Mappings.Config.Clone();
        config.RequireDestinationMemberSource = true;
        config.Compile(); // throws naming any unmapped member
    }

    [Fact]
    public void Station_maps_to_its_dto_with_the_coordinate_system_named()
    {
        var station = new Station
        {
            Code = "BJ110108-000001", Name = "站", Address = "址", Adcode = "110108",
            Location = new Point(116.3, 39.9) { SRID = 4326 }, SubmittedLng = 116.3, SubmittedLat = 39.9,
            Type = StationType.Micro, Status = StationStatus.Suspended, HostKind = HostKind.Bank,
            CreatedBy = "a", UpdatedBy = "b", Services = ["water"], Version = 3,
        };
        var dto = station.ToDto();
        Assert.Equal(new LocationDto(116.3, 39.9, "wgs84"), dto.Location);
        Assert.Equal("micro", dto.Type);
        Assert.Equal("suspended", dto.Status);
        Assert.Equal("bank", dto.HostKind);
        Assert.Equal(3, dto.Version);
    }
}
