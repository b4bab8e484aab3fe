using StationMap.Stations;

namespace StationMap.IntegrationTests.Infrastructure;

internal static class SampleInputs
{
    /// <summary>A complete Haidian station with every field set, Chinese text included.</summary>
    public static StationInput Haidian(string? code = null) => new()
    {
        Code = code,
        Name = "中关村街道工会户外劳动者服务站点",
        Address = "北京市海淀区中关村大街27号中关村大厦一层",
        Adcode = "110108",
        Lng = 116.3162, Lat = 39.9834, Coordsys = "wgs84",
        Type = "standard", AreaM2 = 18.5m,
        Services = ["water", "微波炉", "charging", "toilet"],
        OpeningHours = "24/7",
        Phone = "010-62561234",
        HostOrganization = "中国邮政中关村支局", HostKind = "postoffice",
        IsPublic = true, Status = "active",
        Photos = ["https://example.org/photos/zgc-1.jpg"],
        Notes = "门口有蓝色“工会驿站”标识",
        Reason = "新建站点",
    };
}
