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

public class StationFieldsMappingTests
{
    [Fact]
    public void A_validated_input_lands_on_the_station_field_for_field_and_leaves_code_version_and_who_alone()
    {
        var (fields, errors) = StationValidator.Validate(new StationInput
        {
            Name = "邮爱驿站", Address = "北京市海淀区中关村南大街1号", Adcode = "110108", Lng = 116.32, Lat = 39.96, Coordsys = "gcj02",
            Services = ["饮水", "加热"], OtherServices = "雨伞", Type = "微型", Status = "暂停", OpeningHours = "24小时", Phone = "010-62561234",
            HostOrganization = "中国邮政", HostKind = "邮政", IsPublic = false, Accessible = true, AreaM2 = 25.5m,
            Photos = ["https://example.org/a.jpg"], Notes = "内部备注",
        });
        Assert.Empty(errors);
        var station = new Station
        {
            Code = "BJ110108-000009", Name = "旧", Address = "旧", Adcode = "110101", Location = new Point(0, 0) { SRID = 4326 },
            CreatedBy = "creator", UpdatedBy = "editor", Version = 7, ManagingOrgId = 3,
        };

        Assert.NotNull(fields);
        fields.ApplyTo(station);

        Assert.Equal(("BJ110108-000009", 7, "creator", "editor", (long?)3), (station.Code, station.Version, station.CreatedBy, station.UpdatedBy, station.ManagingOrgId));
        Assert.Equal(("邮爱驿站", "北京市海淀区中关村南大街1号", "110108"), (station.Name, station.Address, station.Adcode));
        Assert.Equal((fields.Wgs84.Lng, fields.Wgs84.Lat, 4326), (station.Location.X, station.Location.Y, station.Location.SRID));
        Assert.Equal((116.32, 39.96, StationMap.Geo.CoordSys.Gcj02), (station.SubmittedLng, station.SubmittedLat, station.SubmittedCoordSys));
        Assert.Equal((StationType.Micro, StationStatus.Suspended, HostKind.PostOffice), (station.Type, station.Status, station.HostKind));
        Assert.Equal(fields.Services, station.Services);
        Assert.Equal(("雨伞", fields.OpeningHours, "中国邮政", false, true, 25.5m, "内部备注"),
            (station.OtherServices, station.OpeningHours, station.HostOrganization, station.IsPublic, station.Accessible, station.AreaM2, station.Notes));
        Assert.Equal(["https://example.org/a.jpg"], station.Photos);
    }
}
