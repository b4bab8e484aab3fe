using NetTopologySuite.Geometries;
using StationMap.Feeds.Rows;
using StationMap.Stations;

namespace StationMap.Tests.Feeds;

/// <summary>The small fixed station set behind the golden files: ordinary, tricky text, too long, closed, abroad.</summary>
internal static class FeedStations
{
    public static readonly FeedLookups Lookups = FeedLookups.Default(new Dictionary<long, string> { [1] = "海淀区总工会" });

    public static List<Station> All() =>
    [
        Make(1, "HD001", "中关村街道工会户外劳动者服务站点", "北京市海淀区中关村大街27号", "110108", 116.3162, 39.9834,
            s => { s.Services = ["water", "microwave", "charging"]; s.OpeningHours = "24/7"; s.Phone = "010-62561234"; s.ManagingOrgId = 1; s.Photos = ["https://example.org/a.jpg"]; }),
        // Amap's documentation converts this GPS point to 116.487585177952,39.991754014757 (DOMAIN.md §1).
        Make(2, "HD002", "望京邮爱驿站, \"暖心\"小屋", "-1层 望京街10号", "110105", 116.481499, 39.990475,
            s => { s.Services = ["toilet"]; s.OpeningHours = "Mo-Fr 08:00-18:00"; s.HostOrganization = "中国邮政望京支局"; }),
        Make(3, "HD003", "=HYPERLINK(\"http://x\")", "@北京市海淀区学院路1号", "110108", 116.35, 39.99, s => s.Phone = "+86 10 1234 5678"),
        Make(4, "HD004", "北京市海淀区上地街道第一社区党群服务中心暨工会户外劳动者服务站点（上地信息路与上地十街交叉口东北角）", "北京市海淀区上地信息路2号", "110108", 116.30, 40.03),
        Make(5, "HD005", "已关闭的站点", "北京市海淀区某路1号", "110108", 116.31, 39.98, s => s.Status = StationStatus.Closed),
        Make(6, "HD006", "首尔站点", "Seoul", "110108", 126.98, 37.57),
    ];

    public static Station Make(long id, string code, string name, string address, string adcode, double lng, double lat, Action<Station>? more = null)
    {
        var s = new Station
        {
            Id = id, Code = code, Name = name, Address = address, Adcode = adcode, Location = new Point(lng, lat) { SRID = 4326 },
            CreatedBy = "test", UpdatedBy = "test", Status = StationStatus.Active, IsPublic = true, Version = (int)id + 1,
        };
        more?.Invoke(s);
        return s;
    }
}
